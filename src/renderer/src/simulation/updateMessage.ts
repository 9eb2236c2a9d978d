// How a simulation worker sends its updates to the client: as plain messages on the worker's
// own port, beside Comlink's replies (Comlink ignores messages without its `id`). One port, held
// by the client's Worker object, so no update can be lost with a second channel that the garbage
// collector might close (a callback passed with Comlink.proxy travels on a MessagePort of its own,
// which nothing on the page holds; a lost update would leave the app waiting for a result that
// never comes), and the updates of a request arrive before its reply.
import type { PartUpdate } from './progressive';

export const UPDATE_MESSAGE = 'mizan:simulation-update';

export interface UpdateMessage {
  type: typeof UPDATE_MESSAGE;
  request: number;
  update: PartUpdate;
}

/** Whether a message on a worker's port is one of Mizan's own of `type` (Comlink's replies carry none). */
export const hasMessageType = (data: unknown, type: string): boolean =>
  typeof data === 'object' && data !== null && (data as { type?: unknown }).type === type;

export function isUpdateMessage(data: unknown): data is UpdateMessage {
  return hasMessageType(data, UPDATE_MESSAGE);
}
