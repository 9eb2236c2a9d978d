// A Web Worker that runs Monte Carlo off the main thread, for the scenarios the client gives
// it. A newer request cancels the older one at its next chunk boundary. Updates go back as
// messages on the worker's own port, tagged with the request (updateMessage.ts).
import * as Comlink from 'comlink';
import type { MizanDoc } from '../../../engine/format';
import { ModelProblem } from '../../../engine/model/problems';
import { documentOf, type DocumentMessage } from './documentText';
import { DEFAULT_PROGRESSIVE, runProgressive, type PartUpdate, type RunPiece } from './progressive';
import { UPDATE_MESSAGE, type UpdateMessage } from './updateMessage';

export type SimulationOutcome = { status: 'done' | 'cancelled' } | { status: 'problem'; path: string; message: string };

let latest = 0;
/** The document of the latest request, which the next one's message may only change. */
let received: MizanDoc | null = null;

/** Sends an update to the client; the T values (and observation terms) of a split scenario's piece are moved, not copied. */
function publish(request: number, update: PartUpdate): void {
  const message: UpdateMessage = { type: UPDATE_MESSAGE, request, update };
  self.postMessage(
    message,
    update.pieces.flatMap((p) => [
      p.tension.buffer,
      ...(p.tracking ? [p.tracking.crisisEver.buffer, ...p.tracking.terms.map((t) => t.logDensity.buffer)] : [])
    ])
  );
}

/**
 * Lets messages (a newer request) in between chunks. A MessageChannel rather than
 * setTimeout(0), which browsers clamp to 4 ms once nested.
 */
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
const yieldToMessages = () =>
  new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });

const api = {
  /**
   * Simulates the pieces (runs of scenarios; default all of every scenario) of the document, given as
   * its JSON text or the text of what changed since the request before (documentText.ts; one
   * string copied to each worker is cheaper for the main thread than a structured clone of the
   * object per worker). `settleMs`: a pause before the refined stage,
   * for requests that come in quick succession. Nothing in the app shows the importance yet,
   * so it is not computed (it costs as much as the runs).
   */
  async simulate(
    request: number,
    message: DocumentMessage,
    pieces?: RunPiece[],
    settleMs = 0
  ): Promise<SimulationOutcome> {
    latest = Math.max(latest, request);
    // Before any await: the messages change the document in the order they were sent.
    const doc = documentOf(message, received);
    received = doc;
    try {
      const beforeRefined =
        settleMs > 0 ? () => new Promise<void>((resolve) => setTimeout(resolve, settleMs)) : undefined;
      const status = await runProgressive(
        doc,
        { ...DEFAULT_PROGRESSIVE, pieces, importance: false, beforeRefined },
        (update) => publish(request, update),
        yieldToMessages,
        () => request !== latest
      );
      return { status };
    } catch (error) {
      if (error instanceof ModelProblem) return { status: 'problem', path: error.path, message: error.problem };
      throw error;
    }
  },

  cancel(request: number): void {
    latest = Math.max(latest, request + 1);
  }
};

export type SimulationWorkerApi = typeof api;

Comlink.expose(api);
