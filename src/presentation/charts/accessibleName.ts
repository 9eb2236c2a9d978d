// The accessible name of each chart: its title and what it shows, for aria-label.
import { chartContext } from './context';
import { histogramTable } from './histogram';
import { tornadoTable } from './tornado';
import type { ChartInput, ChartKind } from './types';

export function chartAccessibleName(kind: ChartKind, input: ChartInput): string {
  const ctx = chartContext(input);
  const { titles, accessibleList } = ctx.text;
  const compared = ctx.compared.map((s) => s.name);
  const selected = ctx.selected?.name ?? '';
  const atHorizon = ctx.monthLabels[ctx.horizon] ?? '';
  switch (kind) {
    case 'tension':
      return accessibleList(titles.tension, compared);
    case 'contributions':
      return titles.contributions(selected);
    case 'contributionsAtHorizon':
      return accessibleList(titles.contributionsAtHorizon(atHorizon), compared);
    case 'tornado':
      return tornadoTable(input).title;
    case 'factors':
      return accessibleList(titles.factors, compared);
    case 'histogram':
      return histogramTable(input).title;
    case 'radar':
      return accessibleList(titles.radar(atHorizon), compared);
  }
}
