// Files named on a command line: a launch (`mizan-desktop scenario.mizan`), a file opened from
// the desktop (Windows and Linux pass it as an argument), or a second launch whose argv
// the running app receives. Only .mizan paths count; flags and the app's own path do not.
import path from 'node:path';

export function filesFromArgv(argv: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (const arg of argv.slice(1)) {
    if (typeof arg !== 'string' || arg === '' || arg.startsWith('-')) continue;
    if (path.extname(arg).toLowerCase() !== '.mizan') continue;
    const absolute = path.resolve(cwd, arg);
    if (!files.includes(absolute)) files.push(absolute);
  }
  return files;
}
