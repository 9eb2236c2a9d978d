// The PDF report: what it says, as plain data (buildReport), from the analysis it shows
// (analyseForReport). The app lays it out and prints it (src/renderer/src/ui/report).
export { analyseForReport, type ReportAnalysis, type ReportProblem } from './analysis';
export {
  buildReport,
  FACTOR_FIGURE_SIZE,
  type Report,
  type ReportEvidence,
  type ReportFigure,
  type ReportOptions,
  type ReportScenario,
  type ReportTable,
  type SummaryRow
} from './build';
export { modelExcerpt, type ExcerptBlock } from './modelExcerpt';
export { REPORT_STRINGS, type ReportStrings } from './strings';
