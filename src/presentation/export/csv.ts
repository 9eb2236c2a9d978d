// The data a chart shows as CSV: its table (chartTable, the same as "Show data") with a
// header row, numbers rounded as the chart shows them (asShown), and months as ISO
// "YYYY-MM" rather than display labels; text cells are made safe (no formulas, bidi
// balanced) by toCsv.
import { toCsv, type CsvOptions } from '../../engine/export/csv';
import { CHART_KIND_TRAITS, chartTable, type ChartInput, type ChartKind } from '../charts';
import { asShown } from '../charts/format';

export function chartCsv(kind: ChartKind, input: ChartInput, options: CsvOptions = {}): string {
  const table = chartTable(kind, input);
  const months = input.analysis.months;
  const rows = CHART_KIND_TRAITS[kind].byMonth
    ? table.rows.map((row, t) => [months[t] ?? row[0], ...row.slice(1)])
    : table.rows;
  const shown = rows.map((row) =>
    // Stryker disable next-line ConditionalExpression: asShown returns anything that is not a finite number unchanged (Number.isFinite does not coerce), so text and empty cells pass either way
    row.map((cell) => (typeof cell === 'number' ? asShown(cell) : cell))
  );
  return toCsv(table.columns, shown, options);
}
