// The live analysis of the open document, computed once and read by the analysis pane, the
// tension index and the report.
//
// On every change of the document (the document store's `document` object), the central paths
// of every scenario are computed at once, here on the main thread (microseconds each), and
// published with the document they are of. A Monte Carlo simulation then starts in the worker
// pool (simulation/client.ts: a newer document cancels the older one, a quick estimate then the
// refined result, the refined runs wait while edits come in quick succession); updates of an
// older document arriving after a newer one was published are dropped. The first simulation
// starts once the first document's central paths have had a frame to show.
//
// The report asks for `reportAnalysis(doc)`: the results on screen when they are of that
// document (the same object, or the same content) and the Monte Carlo is finished; otherwise it
// waits for the session's simulation of it.
import { createStore } from 'zustand/vanilla';
import { sameContent, type MizanDoc } from '../../../engine/format';
import { analyseForReport, type ReportAnalysis } from '../../../presentation/report/analysis';
import { createSimulationClient, type SimulationClient } from '../simulation/client';
import { atNextFrame } from '../ui/analysis/frame';
import { centralAnalysis, uncertaintyOf, withUncertainty, type CentralAnalysis, type Uncertainty } from './live';
import { refinedArrived, simulationStarted } from './marks';

/**
 * Where the Monte Carlo is: running (nothing published yet), a quick estimate or the refined
 * result on screen, not run because the file asks for no runs ('off'), or not run because
 * no scenario can be computed or the workers failed ('none').
 */
export type McStatus = 'estimating' | 'quick' | 'refined' | 'off' | 'none';

export interface AnalysisSessionState {
  /** The document the central results are of (null: none open). */
  document: MizanDoc | null;
  central: CentralAnalysis | null;
  mcStatus: McStatus;
  /** Runs of the Monte Carlo update on screen. */
  mcRuns: number;
  /** The document `mcStatus` is about: it lags `document` until that document's simulation starts. */
  mcDocument: MizanDoc | null;
  /**
   * The latest Monte Carlo published and the document it is of: until a newer one arrives the
   * previous document's stays, so that its bands settle a moment after the central lines move.
   */
  monteCarlo: { document: MizanDoc; uncertainty: Uncertainty } | null;
}

export interface AnalysisSession {
  getState(): AnalysisSessionState;
  subscribe(listener: (state: AnalysisSessionState, previous: AnalysisSessionState) => void): () => void;
  /**
   * The report's analysis of `doc` (central paths, the file's Monte Carlo, tornado): the
   * session's results when they are current for it, else once its simulation of `doc` is
   * refined. Computed here, on this thread, only where there are no workers, or when the
   * session cannot give it (its simulation failed, or the document changed before it finished).
   */
  reportAnalysis(doc: MizanDoc): Promise<ReportAnalysis>;
  dispose(): void;
}

/** Runs `fn` later; returns a function that cancels it. */
export type Scheduler = (fn: () => void) => () => void;

export interface AnalysisSessionOptions {
  /** The Monte Carlo's worker pool (default: a new pool where there are Web Workers; null: none). */
  client?: SimulationClient | null;
  /** When the first simulation starts (default: after the next frame, then a task: the first charts are drawn). */
  afterFirstCharts?: Scheduler;
  /** When a later one starts (default: the next task, after this update's charts are drawn). */
  afterCharts?: Scheduler;
}

interface DocumentSource {
  getState(): { document: MizanDoc | null };
  subscribe(listener: (state: { document: MizanDoc | null }) => void): () => void;
}

/** How many workers at most: the default for this machine, or localStorage 'mizan.simulation.workers' (1–8; for benchmarks). */
function workerCount(): number | undefined {
  try {
    const n = Number(globalThis.localStorage?.getItem('mizan.simulation.workers'));
    return Number.isInteger(n) && n >= 1 && n <= 8 ? n : undefined;
  } catch {
    return undefined;
  }
}

function defaultClient(): SimulationClient | null {
  return typeof Worker === 'undefined' ? null : createSimulationClient({ workers: workerCount() });
}

const nextTask: Scheduler = (fn) => {
  const timer = setTimeout(fn);
  return () => clearTimeout(timer);
};

const afterNextFrame: Scheduler = (fn) => {
  let cancelTask = () => {};
  const cancelFrame = atNextFrame(() => (cancelTask = nextTask(fn)));
  return () => {
    cancelFrame();
    cancelTask();
  };
};

interface Waiter {
  doc: MizanDoc;
  resolve: (analysis: ReportAnalysis) => void;
}

export function createAnalysisSession(
  documents: DocumentSource,
  options: AnalysisSessionOptions = {}
): AnalysisSession {
  const client = options.client === undefined ? defaultClient() : options.client;
  const afterFirstCharts = options.afterFirstCharts ?? afterNextFrame;
  const afterCharts = options.afterCharts ?? nextTask;

  const store = createStore<AnalysisSessionState>()(() => ({
    document: null,
    central: null,
    mcStatus: 'estimating',
    mcRuns: 0,
    mcDocument: null,
    monteCarlo: null
  }));

  /** The latest document's turn: updates of a simulation of an earlier turn are not shown over it. */
  let turn = 0;
  /** The workers start after the first document's central paths are on screen. */
  let started = false;
  let cancelScheduled = () => {};
  let waiters: Waiter[] = [];

  const sameDocument = (a: MizanDoc | null, b: MizanDoc) => a !== null && (a === b || sameContent(a, b));

  /** The report's analysis from the published results, if they are finished for `doc`. */
  function currentFor(doc: MizanDoc, s: AnalysisSessionState): ReportAnalysis | null {
    if (!s.central || !sameDocument(s.document, doc) || s.mcDocument !== s.document) return null;
    const nothingToRun = s.mcStatus === 'off' || (s.mcStatus === 'none' && s.central.scenarios.length === 0);
    const refined = s.mcStatus === 'refined' && s.monteCarlo?.document === s.document;
    if (!nothingToRun && !refined) return null;
    const analysis = withUncertainty(s.central, refined && s.monteCarlo ? s.monteCarlo.uncertainty : null);
    return {
      runs: doc.simulation.runs,
      seed: doc.simulation.seed,
      months: analysis.months,
      scenarios: analysis.scenarios,
      problems: s.central.problems,
      ...(analysis.tracking ? { tracking: analysis.tracking } : {})
    };
  }

  /** True when the session will not give `doc`'s finished results (its simulation failed, or another document took its place). */
  function givenUp(doc: MizanDoc, s: AnalysisSessionState): boolean {
    return !sameDocument(s.document, doc) || (s.mcDocument === s.document && s.mcStatus === 'none');
  }

  function answerWaiters(s: AnalysisSessionState) {
    if (waiters.length === 0) return;
    const still: Waiter[] = [];
    for (const w of waiters) {
      const ready = currentFor(w.doc, s);
      if (ready) w.resolve(ready);
      else if (givenUp(w.doc, s)) w.resolve(analyseForReport(w.doc));
      else still.push(w);
    }
    waiters = still;
  }
  const unsubscribeSelf = store.subscribe(answerWaiters);

  function simulate(client: SimulationClient, d: MizanDoc, computable: boolean, ownTurn: number) {
    simulationStarted();
    if (d.simulation.runs === 0 || !computable) {
      store.setState({ mcDocument: d, monteCarlo: null, mcStatus: d.simulation.runs === 0 ? 'off' : 'none' });
    } else {
      store.setState({ mcDocument: d, mcStatus: 'estimating' });
    }
    // Always sent, also when there is nothing to run: it cancels the simulation in flight.
    client
      .simulate(d, (update) => {
        if (ownTurn !== turn) return;
        if (update.stage === 'refined') refinedArrived();
        store.setState({
          monteCarlo: { document: d, uncertainty: uncertaintyOf(update) },
          mcStatus: update.stage,
          mcRuns: update.runs
        });
      })
      .then(
        (outcome) => {
          if (outcome.status === 'problem' && ownTurn === turn) store.setState({ mcStatus: 'none' });
        },
        (error: unknown) => {
          if (ownTurn === turn) store.setState({ mcStatus: 'none' });
          console.error('Monte Carlo failed', error);
        }
      );
  }

  function follow(doc: MizanDoc | null) {
    if (doc === store.getState().document) return;
    cancelScheduled();
    const ownTurn = ++turn;
    if (!doc) {
      started = false;
      cancelScheduled = () => {};
      store.setState({ document: null, central: null });
      return;
    }
    const before = store.getState();
    const central = centralAnalysis(
      doc,
      before.document && before.central ? { document: before.document, central: before.central } : null
    );
    const computable = central.scenarios.length > 0;
    store.setState({ document: doc, central });
    // Without workers (a test's DOM, the server-side render) there is no Monte Carlo to start.
    if (!client) return;
    if (started) {
      simulationStarted();
      cancelScheduled = afterCharts(() => simulate(client, doc, computable, ownTurn));
    } else {
      cancelScheduled = afterFirstCharts(() => {
        started = true;
        simulate(client, doc, computable, ownTurn);
      });
    }
  }

  follow(documents.getState().document);
  const unsubscribeDocuments = documents.subscribe((state) => follow(state.document));

  return {
    getState: store.getState,
    subscribe: store.subscribe,
    reportAnalysis(doc) {
      // Without workers there is no Monte Carlo in the session: the report computes it here, as the app always did.
      if (!client) return Promise.resolve(analyseForReport(doc));
      const s = store.getState();
      const ready = currentFor(doc, s);
      if (ready) return Promise.resolve(ready);
      if (givenUp(doc, s)) return Promise.resolve(analyseForReport(doc));
      return new Promise((resolve) => waiters.push({ doc, resolve }));
    },
    dispose() {
      turn++;
      cancelScheduled();
      unsubscribeDocuments();
      unsubscribeSelf();
      client?.dispose();
      for (const w of waiters) w.resolve(analyseForReport(w.doc));
      waiters = [];
    }
  };
}
