// The IPC contract between the Electron main process and the preload script: channel
// names and a zod schema for every payload that crosses it. Main parses every payload
// with these schemas before acting on it (a renderer is untrusted input, like a file);
// the preload only needs the channel names. Pure: no Node, no Electron, no DOM.
import { z } from 'zod';
import { LIMITS } from '../engine/format/limits';
import type { Bridge, MenuCommand, OpenedFile } from './bridge';

/** The name of the one object the preload puts on `window`. */
export const PRELOAD_GLOBAL = 'mizan';

/** Renderer → main, answered (ipcRenderer.invoke / ipcMain.handle). */
export const INVOKE = {
  openFile: 'file:open',
  openRecent: 'file:open-recent',
  openDropped: 'file:open-dropped',
  listRecent: 'file:list-recent',
  save: 'file:save',
  saveAs: 'file:save-as',
  checkDisk: 'file:check-disk',
  saveExport: 'file:save-export',
  copyImage: 'clipboard:write-image',
  printReport: 'report:print-pdf',
  writeRecovery: 'recovery:write',
  clearRecovery: 'recovery:clear',
  listRecovery: 'recovery:list',
  readRecovery: 'recovery:read',
  getPreferences: 'preferences:get',
  setPreferences: 'preferences:set'
} as const;

/** Renderer → main, not answered (ipcRenderer.send / ipcMain.on). */
export const SEND = {
  documentState: 'window:document-state',
  /** The renderer listens for files now; main delivers those it queued for this window. */
  readyForFiles: 'window:ready-for-files'
} as const;

/** Main → renderer (webContents.send / ipcRenderer.on). */
export const EVENT = {
  menuCommand: 'menu:command',
  fileOpened: 'file:opened'
} as const;

export type InvokeChannel = (typeof INVOKE)[keyof typeof INVOKE];
export type SendChannel = (typeof SEND)[keyof typeof SEND];
export type EventChannel = (typeof EVENT)[keyof typeof EVENT];

// ---------------------------------------------------------------------------------------
// Limits on what a renderer may send. A document's text is capped like a file (the UTF-8
// byte count is checked again by loadDocument); names and titles are short; an export may
// be larger than a document (a PDF report with charts).

export const IPC_LIMITS = {
  documentChars: LIMITS.fileBytes,
  exportBytes: 64 * 1024 * 1024,
  nameChars: 255,
  titleChars: 500,
  pathChars: 4096
} as const;

// The schemas are built on first use, not when the module loads: the preload imports the
// channel names from this file, and a bundler can then leave zod out of it entirely.

/** An opaque handle or recovery key: a short token, safe as a file name. */
const token = () =>
  z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, "-" or "_"');

const languageSchema = () => z.enum(['en', 'ar']);
const themeSchema = () => z.enum(['system', 'light', 'dark']);

function buildSchemas() {
  const documentText = z.string().max(IPC_LIMITS.documentChars);
  const suggestedName = z.string().max(IPC_LIMITS.nameChars);
  return {
    [INVOKE.openFile]: z.undefined(),
    [INVOKE.openRecent]: z.strictObject({ handle: token() }),
    [INVOKE.openDropped]: z.strictObject({
      path: z
        .string()
        .min(1)
        .max(IPC_LIMITS.pathChars)
        .refine((p) => !p.includes('\0'), 'must not contain a NUL character')
    }),
    [INVOKE.listRecent]: z.undefined(),
    [INVOKE.save]: z.strictObject({
      handle: token().nullable(),
      text: documentText,
      suggestedName,
      overwrite: z.boolean().optional()
    }),
    [INVOKE.checkDisk]: z.strictObject({ handle: token() }),
    [INVOKE.saveAs]: z.strictObject({ text: documentText, suggestedName }),
    [INVOKE.saveExport]: z.strictObject({
      kind: z.enum(['png', 'svg', 'csv', 'pdf']),
      suggestedName,
      data: z.union([
        z.string().max(IPC_LIMITS.exportBytes),
        z
          .instanceof(Uint8Array)
          .refine((b) => b.byteLength <= IPC_LIMITS.exportBytes, `must be at most ${IPC_LIMITS.exportBytes} bytes`)
      ])
    }),
    [INVOKE.copyImage]: z.strictObject({
      png: z
        .instanceof(Uint8Array)
        .refine((b) => b.byteLength <= IPC_LIMITS.exportBytes, `must be at most ${IPC_LIMITS.exportBytes} bytes`)
    }),
    [INVOKE.printReport]: z.strictObject({ suggestedName }),
    [INVOKE.writeRecovery]: z.strictObject({
      key: token(),
      title: z.string().max(IPC_LIMITS.titleChars),
      savedAt: z.iso.datetime({ offset: true }),
      text: documentText,
      file: token().nullable().optional()
    }),
    [INVOKE.clearRecovery]: z.strictObject({ key: token() }),
    [INVOKE.listRecovery]: z.undefined(),
    [INVOKE.readRecovery]: z.strictObject({ key: token() }),
    [INVOKE.getPreferences]: z.undefined(),
    [INVOKE.setPreferences]: z.strictObject({ language: languageSchema().optional(), theme: themeSchema().optional() }),
    [SEND.documentState]: z.strictObject({ title: z.string().max(IPC_LIMITS.titleChars), dirty: z.boolean() }),
    [SEND.readyForFiles]: z.undefined()
  } as const satisfies Record<InvokeChannel | SendChannel, z.ZodType>;
}

type Schemas = ReturnType<typeof buildSchemas>;
let schemas: Schemas | undefined;

/** The payload schemas, one per channel. Objects are strict: an unknown key is an error. */
export function payloadSchemas(): Schemas {
  schemas ??= buildSchemas();
  return schemas;
}

/** The language and theme schemas (preferences.json is read with them too). */
export const preferenceSchemas = () => ({ language: languageSchema(), theme: themeSchema() });

export type PayloadOf<C extends InvokeChannel | SendChannel> = z.output<Schemas[C]>;

/** What main answers on each invoke channel. */
export interface InvokeResult {
  [INVOKE.openFile]: Awaited<ReturnType<Bridge['openFile']>>;
  [INVOKE.openRecent]: Awaited<ReturnType<Bridge['openRecent']>>;
  [INVOKE.openDropped]: Awaited<ReturnType<Bridge['openFile']>>;
  [INVOKE.listRecent]: Awaited<ReturnType<Bridge['listRecent']>>;
  [INVOKE.save]: Awaited<ReturnType<Bridge['save']>>;
  [INVOKE.saveAs]: Awaited<ReturnType<Bridge['saveAs']>>;
  [INVOKE.checkDisk]: Awaited<ReturnType<Bridge['checkDisk']>>;
  [INVOKE.saveExport]: Awaited<ReturnType<Bridge['saveExport']>>;
  [INVOKE.copyImage]: Awaited<ReturnType<Bridge['copyImage']>>;
  [INVOKE.printReport]: Awaited<ReturnType<Bridge['printReport']>>;
  [INVOKE.writeRecovery]: void;
  [INVOKE.clearRecovery]: void;
  [INVOKE.listRecovery]: Awaited<ReturnType<Bridge['listRecovery']>>;
  [INVOKE.readRecovery]: Awaited<ReturnType<Bridge['readRecovery']>>;
  [INVOKE.getPreferences]: Awaited<ReturnType<Bridge['getPreferences']>>;
  [INVOKE.setPreferences]: void;
}

/** What main sends on each event channel. */
export interface EventPayload {
  [EVENT.menuCommand]: MenuCommand;
  [EVENT.fileOpened]: OpenedFile;
}

/** The object the preload exposes as `window.mizan`: exactly the Electron implementation of the Bridge. */
export type PreloadApi = Bridge & { readonly platform: 'electron' };

/** Parses a payload; throws an Error whose message names the channel and what is wrong. */
export function parsePayload<C extends InvokeChannel | SendChannel>(channel: C, payload: unknown): PayloadOf<C> {
  const schema = payloadSchemas()[channel] as unknown as z.ZodType<PayloadOf<C>>;
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  const first = result.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'payload'}: ${issue.message}`)
    .join('; ');
  throw new Error(`Mizan refused a malformed request on "${channel}" (${first})`);
}
