// The Web Worker that runs the Monte Carlo off the main thread. A newer request
// cancels the older one at its next chunk boundary.
import * as Comlink from 'comlink';
import type { MizanDoc } from '../../../engine/format';
import { ModelProblem } from '../../../engine/model/problems';
import { DEFAULT_PROGRESSIVE, runProgressive, type UncertaintyUpdate } from './progressive';

export type SimulationOutcome = { status: 'done' | 'cancelled' } | { status: 'problem'; path: string; message: string };

let latest = 0;

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
  async simulate(request: number, doc: MizanDoc, onUpdate: (update: UncertaintyUpdate) => void): Promise<SimulationOutcome> {
    latest = Math.max(latest, request);
    try {
      const status = await runProgressive(doc, DEFAULT_PROGRESSIVE, onUpdate, yieldToMessages, () => request !== latest);
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
