// Types for scripts/analysis-figures.mjs, which its test imports.
export interface AnalysisRow {
  id: string;
  now: string;
  horizon: string;
  crisis: string;
  noise: string;
}
export declare function analysisRows(run: unknown, sensitivity: unknown): AnalysisRow[];
export declare function analysisTable(run: unknown, sensitivity: unknown): string;
