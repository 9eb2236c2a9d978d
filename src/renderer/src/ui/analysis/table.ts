// The cells of a chart's "Show data" table, for people: numbers in the language's digits,
// whole numbers as such, others to one decimal; an empty cell for no value.
import type { Language } from '../../../../engine/format';
import { formatNumber } from '../../i18n';
import { SHOWN_DECIMALS } from '../../../../presentation/charts/format';

export function formatCell(language: Language, value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return '—';
  return formatNumber(language, value, Number.isInteger(value) ? 0 : SHOWN_DECIMALS);
}
