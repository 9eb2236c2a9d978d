// Lints a code string at a chosen path with the project's own ESLint config, for the tests of
// the project's own rules: the messages of the named rules (a snippet that does not parse fails).
import { ESLint } from 'eslint';
import { expect } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

export function ruleMessages(rules: readonly string[]) {
  const wanted = new Set(rules);
  return async (filePath: string, source: string): Promise<string[]> => {
    const [result] = await eslint.lintText(source, { filePath });
    expect(result.messages.filter((m) => m.fatal), 'the snippet parses').toEqual([]);
    return result.messages.filter((m) => m.ruleId !== null && wanted.has(m.ruleId)).map((m) => m.message);
  };
}
