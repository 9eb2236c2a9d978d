// The report's analysis (Monte Carlo with the file's runs and seed for every scenario) in a
// Web Worker of its own, so that a large document does not freeze the window while it runs.
import * as Comlink from 'comlink';
import type { MizanDoc } from '../../../../engine/format';
import { analyseForReport, type ReportAnalysis } from '../../../../presentation/report';

const api = {
  /** The document as its JSON text (one string is cheaper to send than a structured clone). */
  analyse(docJson: string): ReportAnalysis {
    return analyseForReport(JSON.parse(docJson) as MizanDoc);
  }
};

export type ReportWorkerApi = typeof api;

Comlink.expose(api);
