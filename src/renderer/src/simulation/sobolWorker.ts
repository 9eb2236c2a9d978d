// A Web Worker that computes a scenario's Sobol indices (docs/MODEL.md section 7) off the main
// thread: tens of thousands of model runs, in steps, with progress messages on the worker's own
// port (sobolMessages.ts) and a newer request or cancel() stopping the older one at its next step.
import * as Comlink from 'comlink';
import type { MizanDoc } from '../../../engine/format';
import { compileScenario } from '../../../engine/model/compile';
import { ModelProblem } from '../../../engine/model/problems';
import { scenarioSobolSteps, type ScenarioSobol, type SobolMetric } from '../../../engine/model/scenarioSobol';
import { SOBOL_PROGRESS, type SobolProgressMessage } from './sobolMessages';

export type SobolOutcome =
  | { status: 'done'; result: ScenarioSobol }
  | { status: 'cancelled' }
  | { status: 'problem'; path: string; message: string };

let latest = 0;

/** How long the worker computes before it lets messages (a cancel, a newer request) in. */
const SLICE_MS = 30;

const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const api = {
  async sobol(
    request: number,
    docJson: string,
    scenarioIndex: number,
    metric: SobolMetric,
    samples: number
  ): Promise<SobolOutcome> {
    latest = Math.max(latest, request);
    try {
      const doc = JSON.parse(docJson) as MizanDoc;
      const model = compileScenario(doc, scenarioIndex);
      const steps = scenarioSobolSteps(model, { metric, samples, seed: doc.simulation.seed });
      let sliceStart = performance.now();
      for (;;) {
        const next = steps.next();
        if (next.done) return { status: 'done', result: next.value };
        if (performance.now() - sliceStart < SLICE_MS) continue;
        const message: SobolProgressMessage = { type: SOBOL_PROGRESS, request, done: next.value[0], of: next.value[1] };
        self.postMessage(message);
        await yieldToMessages();
        if (request !== latest) return { status: 'cancelled' };
        sliceStart = performance.now();
      }
    } catch (error) {
      if (error instanceof ModelProblem) return { status: 'problem', path: error.path, message: error.problem };
      throw error;
    }
  },

  cancel(request: number): void {
    latest = Math.max(latest, request + 1);
  }
};

export type SobolWorkerApi = typeof api;

Comlink.expose(api);
