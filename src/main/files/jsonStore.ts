// Small JSON files under userData (recent.json, preferences.json, window-state.json):
// read and validated with a zod schema (a missing, damaged or hand-edited file gives
// `undefined`, never an exception), written atomically.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { atomicWrite, type AtomicWriter, type WriteOutcome } from '../../node/atomicWrite';

/** The largest settings file read; anything bigger is not ours. */
const MAX_SETTINGS_BYTES = 1024 * 1024;

export async function readJsonFile<T>(file: string, schema: z.ZodType<T>): Promise<T | undefined> {
  try {
    const stats = await fsp.stat(file);
    if (!stats.isFile() || stats.size > MAX_SETTINGS_BYTES) return undefined;
    const parsed = schema.safeParse(JSON.parse(await fsp.readFile(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export async function writeJsonFile(file: string, value: unknown, writer?: AtomicWriter): Promise<WriteOutcome> {
  try {
    await fsp.mkdir(path.dirname(file), { recursive: true });
  } catch {
    // atomicWrite reports the folder problem in words.
  }
  return atomicWrite(file, `${JSON.stringify(value, null, 2)}\n`, { writer });
}
