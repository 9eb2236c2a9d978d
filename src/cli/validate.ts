// mizan validate FILE...
import { formatFileProblem } from './report';
import { readScenarioFile } from './files';
import { EXIT, UsageError, type CliIO } from './io';

export async function validateCommand(files: string[], io: CliIO): Promise<number> {
  if (files.length === 0) throw new UsageError('validate needs at least one FILE');
  let failed = 0;
  for (const file of files) {
    const result = await readScenarioFile(file);
    if (result.ok) continue;
    failed++;
    for (const problem of result.problems) io.stderr(formatFileProblem(file, problem) + '\n');
  }
  if (failed === 0) io.stdout(files.length === 1 ? `${files[0]}: valid\n` : `${files.length} files valid\n`);
  return failed === 0 ? EXIT.ok : EXIT.problems;
}
