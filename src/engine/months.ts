/** "YYYY-MM" labels for months 0..horizon counted from the start month. */
export function monthLabels(startMonth: string, horizon: number): string[] {
  const [year, month] = startMonth.split('-').map(Number);
  return Array.from({ length: horizon + 1 }, (_, t) => {
    const index = year * 12 + (month - 1) + t;
    return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/** How many months `month` ("YYYY-MM") comes after `startMonth` (negative when before). */
export function monthsFrom(startMonth: string, month: string): number {
  const index = (label: string) => {
    const [year, m] = label.split('-').map(Number);
    return year * 12 + (m - 1);
  };
  return index(month) - index(startMonth);
}

/** Whether `month` ("YYYY-MM") lies on the timeline of months 0..horizon from `startMonth`. */
export function withinTimeline(startMonth: string, horizon: number, month: string): boolean {
  const t = monthsFrom(startMonth, month);
  return t >= 0 && t <= horizon;
}
