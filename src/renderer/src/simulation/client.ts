// The renderer's handle on the simulation worker: one request at a time, the
// newest wins; updates of an older request are dropped.
import * as Comlink from 'comlink';
import type { MizanDoc } from '../../../engine/format';
import type { UncertaintyUpdate } from './progressive';
import type { SimulationOutcome, SimulationWorkerApi } from './worker';

export interface SimulationClient {
  /** Starts a simulation of `doc`, cancelling any running one. */
  simulate(doc: MizanDoc, onUpdate: (update: UncertaintyUpdate) => void): Promise<SimulationOutcome>;
  dispose(): void;
}

export function createSimulationClient(): SimulationClient {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'mizan-simulation' });
  const remote = Comlink.wrap<SimulationWorkerApi>(worker);
  let current = 0;
  return {
    async simulate(doc, onUpdate) {
      const request = ++current;
      void remote.cancel(request - 1);
      // Structured clone of a plain JSON document: no proxies cross into the worker.
      const outcome = await remote.simulate(
        request,
        doc,
        Comlink.proxy((update: UncertaintyUpdate) => {
          if (request === current) onUpdate(update);
        })
      );
      return request === current ? outcome : { status: 'cancelled' };
    },
    dispose() {
      worker.terminate();
    }
  };
}
