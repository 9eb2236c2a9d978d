// Registers the IPC handlers. Every message is checked twice before a handler sees it:
// the sender must be Mizan's own page (app://mizan/, or the electron-vite dev server in
// development), and the payload must parse with its zod schema from src/contract/ipc.ts.
// A refused message rejects the renderer's promise with a clear error (or is dropped and
// logged, for one-way messages); nothing a renderer sends can throw inside main.
import {
  INVOKE,
  SEND,
  parsePayload,
  type InvokeChannel,
  type InvokeResult,
  type PayloadOf,
  type SendChannel
} from '../contract/ipc';

/** The parts of an IpcMainEvent / IpcMainInvokeEvent used here (fakes in tests). */
export interface IpcEventLike {
  sender: { id: number };
  senderFrame?: { url: string; parent?: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
  on(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => void): unknown;
}

/** Who sent a message: the id of its WebContents. */
export interface SenderContext {
  senderId: number;
}

export type InvokeHandlers = {
  [C in InvokeChannel]: (payload: PayloadOf<C>, context: SenderContext) => Promise<InvokeResult[C]> | InvokeResult[C];
};

export type SendHandlers = {
  [C in SendChannel]: (payload: PayloadOf<C>, context: SenderContext) => void;
};

export interface IpcOptions {
  isTrustedSender: (url: string | undefined) => boolean;
  log?: (message: string) => void;
}

export class RefusedSenderError extends Error {
  constructor(channel: string) {
    super(`Mizan refused a request on "${channel}" from a page that is not Mizan's own.`);
    this.name = 'RefusedSenderError';
  }
}

function checkSender(channel: string, event: IpcEventLike, options: IpcOptions): SenderContext {
  const frame = event?.senderFrame;
  // Only the top frame of Mizan's own page; a frame that is gone (null) is refused too.
  if (!frame || (frame.parent !== undefined && frame.parent !== null) || !options.isTrustedSender(frame.url)) {
    throw new RefusedSenderError(channel);
  }
  return { senderId: event.sender.id };
}

function onePayload(channel: string, args: unknown[]): unknown {
  if (args.length > 1) throw new Error(`Mizan refused a malformed request on "${channel}" (more than one argument)`);
  return args[0];
}

/** The guarded listener for one invoke channel (exported for tests). */
export function guardInvoke<C extends InvokeChannel>(
  channel: C,
  handler: InvokeHandlers[C],
  options: IpcOptions
): (event: IpcEventLike, ...args: unknown[]) => Promise<InvokeResult[C]> {
  return async (event, ...args) => {
    try {
      const context = checkSender(channel, event, options);
      const payload = parsePayload(channel, onePayload(channel, args));
      return await handler(payload, context);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      options.log?.(`ipc ${channel}: ${message}`);
      // Only the message crosses to the renderer; no stack, no internals.
      throw new Error(message);
    }
  };
}

/** The guarded listener for one one-way channel (exported for tests). */
export function guardSend<C extends SendChannel>(
  channel: C,
  handler: SendHandlers[C],
  options: IpcOptions
): (event: IpcEventLike, ...args: unknown[]) => void {
  return (event, ...args) => {
    try {
      const context = checkSender(channel, event, options);
      handler(parsePayload(channel, onePayload(channel, args)), context);
    } catch (error) {
      options.log?.(`ipc ${channel}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

export function registerIpc(
  ipcMain: IpcMainLike,
  handlers: { invoke: InvokeHandlers; send: SendHandlers },
  options: IpcOptions
): void {
  for (const channel of Object.values(INVOKE)) {
    ipcMain.handle(channel, guardInvoke(channel, handlers.invoke[channel] as never, options));
  }
  for (const channel of Object.values(SEND)) {
    ipcMain.on(channel, guardSend(channel, handlers.send[channel] as never, options));
  }
}
