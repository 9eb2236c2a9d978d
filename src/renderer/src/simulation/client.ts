// The renderer's handle on the simulation workers: one request at a time, the newest wins;
// updates of an older request are dropped. The runs of a request are shared out evenly over a
// small pool of workers (every run is independent of the others, so a scenario may be split
// between two workers), and a stage (quick estimate, refined result) is published once all of
// them have reached it.
import * as Comlink from 'comlink';
import type { MizanDoc } from '../../../engine/format';
import { documentMessage } from './documentText';
import { mergeUpdates, partitionRuns, withTracking, type PartProgress } from './merge';
import { DEFAULT_PROGRESSIVE, type PartUpdate, type UncertaintyUpdate } from './progressive';
import { isUpdateMessage } from './updateMessage';
import type { SimulationOutcome, SimulationWorkerApi } from './worker';

export interface SimulationClient {
  /** Starts a simulation of `doc`, cancelling any running one. */
  simulate(doc: MizanDoc, onUpdate: (update: UncertaintyUpdate) => void): Promise<SimulationOutcome>;
  dispose(): void;
}

export interface SimulationClientOptions {
  /** Most workers used at once (default: see defaultPoolSize). */
  workers?: number;
  /** The clock (performance.now), for tests. */
  now?: () => number;
}

/**
 * Requests closer together than BURST_MS are a burst (a slider drag, keys held down): the
 * workers publish the quick estimate of each, but pause before the refined runs, which the next
 * request would cancel anyway — the main thread keeps the cores for drawing. The pause is a
 * little longer than the time since the request before (at least SETTLE_MS), so that the refined
 * runs start only once the analyst stops: at the pace of a drag they never start in the middle
 * of it, where with a fixed 40 ms pause they ran for half of every step between keys 80 ms apart,
 * competing with the main thread on a two-core machine (docs/BENCHMARKS.md, (a)). A single edit
 * is refined at once.
 */
export const BURST_MS = 120;
export const SETTLE_MS = 40;

/** The pause before the refined runs of a request made `sincePrevious` ms after the one before. */
export function settleMs(sincePrevious: number): number {
  return sincePrevious < BURST_MS ? Math.max(SETTLE_MS, Math.ceil(1.5 * sincePrevious)) : 0;
}

/**
 * As many workers as cores, at most four. (One more than the cores finishes three scenarios on
 * two cores a little sooner on an idle machine, but takes the main thread's core while a slider
 * is dragged: measured with `npm run bench:ui -- --workers N`, see docs/BENCHMARKS.md.)
 */
export function defaultPoolSize(cores: number | undefined): number {
  return Math.max(1, Math.min(4, cores && cores > 0 ? cores : 2));
}

interface PoolWorker {
  worker: Worker;
  remote: Comlink.Remote<SimulationWorkerApi>;
  /** The last request this worker was given (0: none). */
  request: number;
  /** The document of that request: the next is sent as what changed since (documentMessage). */
  sent: MizanDoc | null;
  /** Rejects if the worker fails (its script did not load, it threw outside a request). */
  failed: Promise<never>;
}

interface Pending {
  request: number;
  /** The document simulated: the scenarios' order, the model's horizon, crisis line and factors, and its observations. */
  doc: MizanDoc;
  progress: PartProgress[];
  published: UncertaintyUpdate['stage'] | null;
  onUpdate: (update: UncertaintyUpdate) => void;
}

export function createSimulationClient(options: SimulationClientOptions = {}): SimulationClient {
  const size = options.workers ?? defaultPoolSize(globalThis.navigator?.hardwareConcurrency);
  const pool: (PoolWorker | undefined)[] = [];
  const now = options.now ?? (() => performance.now());
  let current = 0;
  let lastStart = -Infinity;
  let pending: Pending | null = null;

  const offer = (request: number, part: number, update: PartUpdate) => {
    const p = pending;
    if (!p || p.request !== request || request !== current) return;
    p.progress[part] = { ...p.progress[part], [update.stage]: update };
    const { doc } = p;
    const merged = mergeUpdates(
      p.progress,
      doc.scenarios.map((s) => s.id),
      { horizon: doc.horizonMonths, crisis: doc.thresholds.crisis, factorIds: doc.factors.map((f) => f.id) }
    );
    if (merged && merged.stage !== p.published) {
      p.published = merged.stage;
      p.onUpdate(withTracking(merged, doc));
    }
  };

  /** The worker for part `k` of a request, started when first needed (or after it failed). */
  const workerAt = (k: number): PoolWorker => {
    const existing = pool[k];
    if (existing) return existing;
    const worker = new Worker(new URL('./worker.ts', import.meta.url), {
      type: 'module',
      name: `mizan-simulation-${k + 1}`
    });
    const remote = Comlink.wrap<SimulationWorkerApi>(worker);
    const failed = new Promise<never>((_, reject) =>
      worker.addEventListener(
        'error',
        (event) => reject(new Error(`Simulation worker failed: ${event.message || 'could not start'}`)),
        {
          once: true
        }
      )
    );
    failed.catch(() => undefined); // rejected only matters to a request waiting on it
    worker.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (isUpdateMessage(event.data)) offer(event.data.request, k, event.data.update);
    });
    const created: PoolWorker = { worker, remote, request: 0, sent: null, failed };
    pool[k] = created;
    return created;
  };

  return {
    async simulate(doc, onUpdate) {
      const request = ++current;
      const at = now();
      const settle = settleMs(at - lastStart);
      lastStart = at;
      const parts = partitionRuns(doc.scenarios.length, doc.simulation.runs, size, DEFAULT_PROGRESSIVE.quickRuns);
      // Workers with no part in this request stop what they were doing.
      pool.forEach((w, k) => {
        if (w && k >= parts.length && w.request !== 0) {
          void w.remote.cancel(w.request);
          w.request = 0;
        }
      });
      const p: Pending = {
        request,
        doc,
        progress: parts.map(() => ({})),
        published: null,
        onUpdate
      };
      pending = p;
      const outcomes = await Promise.all(
        parts.map(async (pieces, k) => {
          const w = workerAt(k);
          w.request = request;
          const message = documentMessage(doc, w.sent);
          w.sent = doc;
          let outcome: SimulationOutcome;
          try {
            // A worker that fails never answers: its failure ends the wait (and it is replaced).
            outcome = await Promise.race([w.remote.simulate(request, message, pieces, settle), w.failed]);
          } catch (error) {
            w.worker.terminate();
            if (pool[k] === w) pool[k] = undefined;
            throw error;
          }
          // A part whose scenarios all failed has nothing to add: the others may still publish.
          if (outcome.status === 'problem') {
            offer(request, k, {
              stage: 'refined',
              runs: doc.simulation.runs,
              seed: doc.simulation.seed,
              scenarios: [],
              pieces: []
            });
          }
          return outcome;
        })
      );
      // A part's updates come on the port of its reply, before it: all of them have been offered by now.
      if (request !== current) return { status: 'cancelled' };
      // Every scenario failing comes back as a problem from each worker; some failing, as done.
      const problem = outcomes.find((o) => o.status === 'problem');
      if (problem && outcomes.every((o) => o.status === 'problem')) return problem;
      return outcomes.find((o) => o.status === 'cancelled') ?? { status: 'done' };
    },
    dispose() {
      current++;
      pending = null;
      for (const w of pool) {
        if (!w) continue;
        w.remote[Comlink.releaseProxy]();
        w.worker.terminate();
      }
      pool.length = 0;
    }
  };
}
