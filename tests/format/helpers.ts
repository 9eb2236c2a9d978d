// Shared helpers of the file-format tests.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { loadDocument } from '../../src/engine/format/load';
import type { Problem } from '../../src/engine/format/problems';
import type { MizanDoc } from '../../src/engine/format/schema';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Every fixture file as [relative name, text]: one folder per format version. */
export function fixtureFiles(): [string, string][] {
  const out: [string, string][] = [];
  for (const dir of readdirSync(FIXTURES)
    .filter((d) => /^v\d+$/.test(d))
    .sort()) {
    for (const file of readdirSync(`${FIXTURES}${dir}`)
      .filter((f) => f.endsWith('.mizan'))
      .sort()) {
      out.push([`${dir}/${file}`, readFileSync(`${FIXTURES}${dir}/${file}`, 'utf8')]);
    }
  }
  return out;
}

export const fixtureText = (name: string): string => readFileSync(`${FIXTURES}${name}`, 'utf8');

/** A fresh, mutable copy of a fixture as plain JSON. */
export const fixtureJson = (name = 'v2/rich.mizan'): any => JSON.parse(fixtureText(name));

/** Loads a valid input and returns its document (fails the test otherwise). */
export function loadOk(input: string | Uint8Array): MizanDoc {
  const result = loadDocument(input);
  if (!result.ok)
    expect.fail(`expected the file to load, got:\n${result.problems.map((p) => `${p.path}: ${p.message}`).join('\n')}`);
  return result.document;
}

/** Loads an invalid input and returns its problems (fails the test when it loads). */
export function placedProblemsOf(input: unknown): Problem[] {
  const text = typeof input === 'string' || input instanceof Uint8Array ? input : JSON.stringify(input);
  const result = loadDocument(text);
  if (result.ok) expect.fail('expected problems, but the file loaded');
  return result.problems;
}

/**
 * The problems of an invalid input as paths and messages, without the places named by labels
 * (tests/format/places.test.ts checks those): what the checks find, and where in the file.
 */
export function problemsOf(input: unknown): Problem[] {
  return placedProblemsOf(input).map(({ path, message }) => ({ path, message }));
}

/** The problems of the rich fixture after `change` is applied to a copy of it. */
export function problemsAfter(change: (doc: any) => void, name = 'v2/rich.mizan'): Problem[] {
  const doc = fixtureJson(name);
  change(doc);
  return problemsOf(doc);
}

/** Asserts exactly one problem, at `path`, whose message matches. */
export function expectOneProblem(problems: Problem[], path: string, message: string | RegExp): void {
  expect(problems, JSON.stringify(problems, null, 1)).toHaveLength(1);
  expect(problems[0].path).toBe(path);
  if (typeof message === 'string') expect(problems[0].message).toBe(message);
  else expect(problems[0].message).toMatch(message);
}
