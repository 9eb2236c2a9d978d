// The analysis session: the document store's document turned into central results at once and
// a Monte Carlo through the (here fake, in-process) worker pool, published once for the
// analysis pane, the tension index and the report.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MizanDoc } from '../../src/engine/format';
import { loadDocument } from '../../src/engine/format';
import { analyseForReport } from '../../src/presentation/report/analysis';
import { centralAnalysis } from '../../src/renderer/src/analysis/live';
import { createAnalysisSession, type AnalysisSession, type Scheduler } from '../../src/renderer/src/analysis/session';
import type { SimulationClient } from '../../src/renderer/src/simulation/client';
import { DEFAULT_PROGRESSIVE, runProgressive, type UncertaintyUpdate } from '../../src/renderer/src/simulation/progressive';
import type { SimulationOutcome } from '../../src/renderer/src/simulation/worker';
import { createDocumentStore, type DocumentStore } from '../../src/renderer/src/state/document';

// Counts the report's own computations (on this thread) while computing as before.
vi.mock('../../src/presentation/report/analysis', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/presentation/report/analysis')>();
  return { ...original, analyseForReport: vi.fn(original.analyseForReport) };
});
const reportComputations = vi.mocked(analyseForReport);

const loaded = loadDocument(readFileSync('tests/fixtures/as-first-written/ashgabat-2024.mizan', 'utf8'));
if (!loaded.ok) throw new Error('the default analysis does not load');
/** The default analysis with fewer runs (a quick estimate of 400, then 600 refined), to keep the test short. */
const base: MizanDoc = { ...loaded.document, simulation: { ...loaded.document.simulation, runs: 600 } };
const factorId = base.factors[0].id;

/** A simulation the test answers: the real progressive runner, in this thread, when told to. */
interface Request {
  doc: MizanDoc;
  onUpdate: (update: UncertaintyUpdate) => void;
  /** Publishes the stages (quick, refined) of the real Monte Carlo of `doc`, then answers. */
  run(): Promise<void>;
  /** Publishes only the updates computed so far, by stage. */
  updates(): Promise<UncertaintyUpdate[]>;
  fail(error: Error): void;
}

function fakePool() {
  const requests: Request[] = [];
  let disposed = false;
  const client: SimulationClient = {
    simulate(doc, onUpdate) {
      return new Promise<SimulationOutcome>((resolve, reject) => {
        const updates = async () => {
          const out: UncertaintyUpdate[] = [];
          await runProgressive(
            doc,
            { ...DEFAULT_PROGRESSIVE, importance: false },
            (u) => out.push(u),
            async () => undefined,
            () => false
          );
          return out;
        };
        requests.push({
          doc,
          onUpdate,
          updates,
          async run() {
            for (const u of await updates()) onUpdate(u);
            resolve({ status: 'done' });
          },
          fail: reject
        });
      });
    },
    dispose() {
      disposed = true;
    }
  };
  return { client, requests, disposed: () => disposed };
}

/** A scheduler whose tasks run when the test says (the frame after the charts, the next task). */
function manualScheduler() {
  let tasks: (() => void)[] = [];
  const schedule: Scheduler = (fn) => {
    tasks.push(fn);
    return () => (tasks = tasks.filter((t) => t !== fn));
  };
  return {
    schedule,
    pending: () => tasks.length,
    runAll() {
      const now = tasks;
      tasks = [];
      now.forEach((t) => t());
    }
  };
}

let store: DocumentStore;
let pool: ReturnType<typeof fakePool>;
let firstCharts: ReturnType<typeof manualScheduler>;
let laterCharts: ReturnType<typeof manualScheduler>;
let session: AnalysisSession;

beforeEach(() => {
  reportComputations.mockClear();
  store = createDocumentStore();
  pool = fakePool();
  firstCharts = manualScheduler();
  laterCharts = manualScheduler();
  session = createAnalysisSession(store, {
    client: pool.client,
    afterFirstCharts: firstCharts.schedule,
    afterCharts: laterCharts.schedule
  });
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  session.dispose();
  vi.restoreAllMocks();
});

/** Opens `doc`, lets its first charts be drawn and its simulation run to the end. */
async function openAndSettle(doc: MizanDoc) {
  store.getState().newDocument(doc);
  firstCharts.runAll();
  await pool.requests.at(-1)!.run();
}

const editWeight = (value: number) => {
  const result = store.getState().setFactorWeight(factorId, value);
  if (!result.ok) throw new Error('the edit was refused');
  const doc = store.getState().document;
  if (!doc) throw new Error('no document');
  return doc;
};

describe('the analysis session', () => {
  it('publishes the central results of a new document at once, in the same call, before any simulation starts', () => {
    const published: (MizanDoc | null)[] = [];
    session.subscribe((s) => published.push(s.document));
    store.getState().newDocument(base);
    const doc = store.getState().document!;
    const s = session.getState();
    expect(s.document).toBe(doc);
    expect(published).toContain(doc);
    const expected = centralAnalysis(doc);
    expect(s.central?.scenarios.map((x) => x.central.tension)).toEqual(expected.scenarios.map((x) => x.central.tension));
    expect(s.central?.months).toEqual(expected.months);
    // The Monte Carlo waits for the first charts to be drawn.
    expect(pool.requests).toHaveLength(0);
    expect(s.mcStatus).toBe('estimating');

    // An edit: the central results follow in the same call, the simulation after the charts.
    firstCharts.runAll();
    expect(pool.requests).toHaveLength(1);
    const edited = editWeight(9);
    expect(session.getState().document).toBe(edited);
    expect(session.getState().central?.scenarios.map((x) => x.central.tension)).toEqual(
      centralAnalysis(edited).scenarios.map((x) => x.central.tension)
    );
    expect(pool.requests).toHaveLength(1);
    expect(laterCharts.pending()).toBe(1);
    laterCharts.runAll();
    expect(pool.requests.map((r) => r.doc)).toEqual([doc, edited]);
  });

  it('starts one simulation for a burst of edits made before it could start (the newest document)', () => {
    store.getState().newDocument(base);
    firstCharts.runAll();
    editWeight(2);
    editWeight(3);
    const last = editWeight(4);
    laterCharts.runAll();
    expect(pool.requests.map((r) => r.doc)).toEqual([pool.requests[0].doc, last]);
  });

  it('publishes the quick estimate, then the refined result, of the document on screen', async () => {
    store.getState().newDocument(base);
    firstCharts.runAll();
    const doc = store.getState().document!;
    const stages: string[] = [];
    session.subscribe((s) => stages.push(s.mcStatus));
    await pool.requests[0].run();
    expect(stages.filter((x, i) => x !== stages[i - 1])).toEqual(['quick', 'refined']);
    const s = session.getState();
    expect(s.mcRuns).toBe(600);
    expect(s.monteCarlo?.document).toBe(doc);
    expect(s.monteCarlo?.uncertainty.byId.size).toBe(doc.scenarios.length);
  });

  it('drops the updates of an older document that arrive after a newer one was published', async () => {
    await openAndSettle(base);
    const first = session.getState().monteCarlo;
    const older = editWeight(7);
    laterCharts.runAll();
    const olderRequest = pool.requests.at(-1)!;
    const newer = editWeight(8);
    // The older simulation's results arrive after the newer document: not shown over it.
    await olderRequest.run();
    let s = session.getState();
    expect(s.document).toBe(newer);
    expect(s.monteCarlo).toBe(first);
    expect(s.monteCarlo?.document).not.toBe(older);
    // Until the newer one's arrive, the bands of the last shown stay; then the newer's replace them.
    laterCharts.runAll();
    await pool.requests.at(-1)!.run();
    s = session.getState();
    expect(s.monteCarlo?.document).toBe(newer);
    expect(s.mcStatus).toBe('refined');
  });

  it('says when there is nothing to run: no runs, or no scenario the model can compute', () => {
    store.getState().newDocument({ ...base, simulation: { ...base.simulation, runs: 0 } });
    firstCharts.runAll();
    expect(session.getState().mcStatus).toBe('off');
    const zero: MizanDoc = { ...base, factors: base.factors.map((f) => ({ ...f, weight: 0 })), scenarios: [{ ...base.scenarios[0], weights: {} }] };
    store.getState().newDocument(zero);
    firstCharts.runAll();
    laterCharts.runAll();
    expect(session.getState().central?.scenarios).toEqual([]);
    expect(session.getState().mcStatus).toBe('none');
    // The request is still sent: it cancels the simulation in flight.
    expect(pool.requests.map((r) => r.doc.simulation.runs)).toEqual([0, 600]);
  });

  it('marks a failed simulation as not run', async () => {
    store.getState().newDocument(base);
    firstCharts.runAll();
    pool.requests[0].fail(new Error('worker died'));
    await vi.waitFor(() => expect(session.getState().mcStatus).toBe('none'));
  });
});

describe('the report reads the session', () => {
  it('takes the results on screen when they are current: no simulation, no computation of its own, the same numbers', async () => {
    await openAndSettle(base);
    const doc = store.getState().document!;
    const simulations = pool.requests.length;
    const analysis = await session.reportAnalysis(doc);
    expect(pool.requests).toHaveLength(simulations);
    expect(reportComputations).not.toHaveBeenCalled();
    // What the report's own worker used to compute: bit for bit.
    expect(JSON.parse(JSON.stringify(analysis))).toEqual(JSON.parse(JSON.stringify(analyseForReport(doc))));
  });

  it('takes them for a document of the same content (another object)', async () => {
    await openAndSettle(base);
    const copy = structuredClone(store.getState().document!);
    const analysis = await session.reportAnalysis(copy);
    expect(reportComputations).not.toHaveBeenCalled();
    expect(analysis.scenarios.every((s) => s.monteCarlo !== null)).toBe(true);
  });

  it('waits for the session’s simulation when the Monte Carlo on screen is not finished, then uses it', async () => {
    await openAndSettle(base);
    const edited = editWeight(6);
    let answered = false;
    const pending = session.reportAnalysis(edited).then((a) => {
      answered = true;
      return a;
    });
    // The central paths are current, the Monte Carlo is the previous document's: not enough.
    await Promise.resolve();
    expect(answered).toBe(false);
    laterCharts.runAll();
    const request = pool.requests.at(-1)!;
    const [quick] = await request.updates();
    request.onUpdate(quick);
    await Promise.resolve();
    expect(answered).toBe(false);
    await request.run();
    const analysis = await pending;
    expect(pool.requests).toHaveLength(2);
    expect(reportComputations).not.toHaveBeenCalled();
    expect(analysis.scenarios.map((s) => s.monteCarlo?.quantiles['50'])).toEqual(
      analyseForReport(edited).scenarios.map((s) => s.monteCarlo?.quantiles['50'])
    );
  });

  it('needs no Monte Carlo for a file without runs', async () => {
    await openAndSettle({ ...base, simulation: { ...base.simulation, runs: 0 } });
    const analysis = await session.reportAnalysis(store.getState().document!);
    expect(reportComputations).not.toHaveBeenCalled();
    expect(analysis.scenarios.map((s) => s.monteCarlo)).toEqual([null, null, null]);
  });

  it('computes the report here when the session cannot give it: the document changed before its simulation finished', async () => {
    await openAndSettle(base);
    const reported = editWeight(3);
    const pending = session.reportAnalysis(reported);
    editWeight(4);
    const analysis = await pending;
    expect(reportComputations).toHaveBeenCalledTimes(1);
    expect(analysis.scenarios[0].central.tension).toEqual(centralAnalysis(reported).scenarios[0].central.tension);
  });

  it('computes the report here where there are no workers, as the app always did', async () => {
    const alone = createAnalysisSession(store, { client: null });
    store.getState().newDocument(base);
    const analysis = await alone.reportAnalysis(store.getState().document!);
    expect(reportComputations).toHaveBeenCalledTimes(1);
    expect(analysis.scenarios).toHaveLength(3);
    alone.dispose();
  });

  it('stops following the document store once disposed, and lets the workers go', () => {
    store.getState().newDocument(base);
    session.dispose();
    editWeight(9);
    expect(session.getState().document).not.toBe(store.getState().document);
    expect(pool.disposed()).toBe(true);
  });
});
