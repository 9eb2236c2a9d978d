// The renderer's handle on the Sobol worker: one computation at a time, the newest wins (an
// older one is cancelled at its next step), with its progress. The worker starts on the first
// request, so an analyst who never asks for Sobol indices never pays for it.
import * as Comlink from 'comlink';
import type { MizanDoc } from '../../../engine/format';
import type { SobolMetric } from '../../../engine/model/scenarioSobol';
import { isSobolProgress } from './sobolMessages';
import type { SobolOutcome, SobolWorkerApi } from './sobolWorker';

export interface SobolRequest {
  doc: MizanDoc;
  scenarioIndex: number;
  metric: SobolMetric;
  samples: number;
}

export interface SobolClient {
  /** Computes the indices, cancelling any computation in flight; `onProgress(done, of)` in model runs. */
  compute(request: SobolRequest, onProgress: (done: number, of: number) => void): Promise<SobolOutcome>;
  /** Stops the computation in flight (its promise gives 'cancelled'). */
  cancel(): void;
  dispose(): void;
}

export function createSobolClient(): SobolClient {
  let worker: Worker | null = null;
  let remote: Comlink.Remote<SobolWorkerApi> | null = null;
  let current = 0;
  let progress: ((done: number, of: number) => void) | null = null;

  const start = (): Comlink.Remote<SobolWorkerApi> => {
    if (remote) return remote;
    worker = new Worker(new URL('./sobolWorker.ts', import.meta.url), { type: 'module', name: 'mizan-sobol' });
    worker.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (isSobolProgress(event.data) && event.data.request === current) progress?.(event.data.done, event.data.of);
    });
    remote = Comlink.wrap<SobolWorkerApi>(worker);
    return remote;
  };

  return {
    async compute({ doc, scenarioIndex, metric, samples }, onProgress) {
      const request = ++current;
      progress = onProgress;
      const outcome = await start().sobol(request, JSON.stringify(doc), scenarioIndex, metric, samples);
      return request === current ? outcome : { status: 'cancelled' };
    },
    cancel() {
      if (remote) void remote.cancel(current);
      current++;
    },
    dispose() {
      current++;
      remote?.[Comlink.releaseProxy]();
      worker?.terminate();
      worker = null;
      remote = null;
    }
  };
}
