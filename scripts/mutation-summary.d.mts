// Types for scripts/mutation-summary.mjs, which its test imports.
export interface ReportMutant {
  id?: string;
  mutatorName: string;
  replacement?: string;
  status: string;
  statusReason?: string;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}
export interface ReportFile {
  mutants: ReportMutant[];
}
export declare function mergeReports(reports: { files: Record<string, ReportFile> }[]): Record<string, ReportFile>;
export declare function tally(mutants: ReportMutant[]): {
  mutants: number;
  Killed: number;
  Timeout: number;
  Survived: number;
  NoCoverage: number;
  Ignored: number;
  score: number;
};
export declare function summary(files: Record<string, ReportFile>, groups?: string[]): string;
export declare function disabledInSources(
  sources: Record<string, string>
): { path: string; line: number; mutators: string; reason: string }[];
