// Every text of the chart layer, in English and Arabic, with one typed shape.
import type { Language } from '../../engine/format';
import type { Band } from '../../engine/model/bands';

export interface ChartStrings {
  titles: {
    tension: string;
    contributions: (scenario: string) => string;
    contributionsAtHorizon: (month: string) => string;
    contributionsMean: (scenario: string) => string;
    contributionsAtHorizonMean: (month: string) => string;
    tornado: (scenario: string) => string;
    tornadoPeak: (scenario: string) => string;
    factors: string;
    histogram: (scenario: string) => string;
    radar: (month: string) => string;
    odds: string;
  };
  axes: {
    month: string;
    tension: string;
    contribution: string;
    level: string;
    runs: string;
    tensionAtHorizon: string;
    peakTension: string;
    scenario: string;
    factor: string;
    input: string;
  };
  bands: Record<Band, string>;
  /** Legend entries of the selected scenario's fan. */
  fan: { outer: (scenario: string) => string; inner: (scenario: string) => string };
  quantile: (scenario: string, q: number) => string;
  /**
   * A range of numbers, for short labels. Arabic uses a hyphen: an en dash is a neutral
   * character, so bidi lays "70–75" out as "75–70" in right-to-left text.
   */
  range: (from: string, to: string) => string;
  total: string;
  events: string;
  tornado: {
    low: string;
    high: string;
    swing: string;
    central: (value: string) => string;
    topOf: (shown: number, all: number) => string;
  };
  /** Readable names of tornado / importance inputs. */
  inputs: {
    weight: (factor: string) => string;
    start: (factor: string) => string;
    target: (factor: string) => string;
    pace: (factor: string) => string;
    volatility: (factor: string) => string;
    strength: (from: string, to: string) => string;
  };
  histogram: {
    bin: string;
    from: string;
    to: string;
    pCrisis: (ever: string, atHorizon: string) => string;
    crisisLine: (value: string) => string;
    runsTooltip: (runs: string, share: string) => string;
  };
  /** What a factor does to tension (its direction). */
  direction: { raises: string; lowers: string };
  /** The gap between two scenarios (A minus B): src/presentation/charts/gap.ts. */
  gap: {
    title: (a: string, b: string) => string;
    titleAtHorizon: (month: string, a: string, b: string) => string;
    axis: string;
    /** The line of the gap in T over the factors' bars. */
    total: string;
    contributionIn: (scenario: string) => string;
    difference: string;
    /** "A: 85.7 · B: 62.1 · gap +23.6" */
    summary: (a: string, tensionA: string, b: string, tensionB: string, gap: string) => string;
    needsTwo: string;
  };
  noMonteCarlo: string;
  /** What was recorded since the analysis (observations), drawn over the paths. */
  observed: {
    /** The legend entry of the readings. */
    readings: string;
    /** "62 ± 8" */
    reading: (value: string, sigma: string) => string;
    /** Table columns: the reading, and its σ. */
    column: string;
    sigma: string;
    /** A table column: the outcomes of the selected scenario's events recorded that month. */
    outcomes: string;
    happened: (event: string) => string;
    didNotHappen: (event: string) => string;
  };
  /** The "Which scenario?" chart of the odds between the scenarios by month. */
  odds: {
    axis: string;
    subtitle: (observations: number) => string;
    none: string;
    waiting: string;
    inconsistent: string;
  };
  /** The subtitle of a tension chart whose fan is the conditioned one. */
  conditionedFan: (scenario: string, effectiveRuns: string) => string;
  /** … and when the runs that agree with the observations are too few to trust it. */
  fewRuns: string;
  /** The selected scenario has no run consistent with the observations: no conditioned fan to draw. */
  noConditionedFan: (scenario: string) => string;
  /** "Title: a, b, c" — the accessible name of a chart. */
  accessibleList: (title: string, items: string[]) => string;
}

export const en: ChartStrings = {
  titles: {
    tension: 'Regional Tension Index over time',
    contributions: (s) => `Contributions to tension — ${s}`,
    contributionsAtHorizon: (m) => `Contributions to tension at the horizon (${m})`,
    contributionsMean: (s) => `Mean contributions to tension over the runs — ${s}`,
    contributionsAtHorizonMean: (m) => `Mean contributions to tension over the runs, at the horizon (${m})`,
    tornado: (s) => `Sensitivity of tension at the horizon — ${s}`,
    tornadoPeak: (s) => `Sensitivity of peak tension — ${s}`,
    factors: 'Factor paths',
    histogram: (s) => `Distribution of tension at the horizon — ${s}`,
    radar: (m) => `Factor profile at the horizon (${m})`,
    odds: 'Which scenario? Odds given what was observed, by month'
  },
  axes: {
    month: 'Month',
    tension: 'Tension (0–100)',
    contribution: 'Contribution (points)',
    level: 'Level (points)',
    runs: 'Runs',
    tensionAtHorizon: 'Tension at the horizon',
    peakTension: 'Peak tension',
    scenario: 'Scenario',
    factor: 'Factor',
    input: 'Input'
  },
  bands: { calm: 'Calm', elevated: 'Elevated', high: 'High', crisis: 'Crisis' },
  fan: { outer: (s) => `${s}: 5–95%`, inner: (s) => `${s}: 25–75%` },
  quantile: (s, q) => `${s}: ${q}th percentile`,
  range: (a, b) => `${a}–${b}`,
  total: 'Tension (total)',
  events: 'Events',
  tornado: {
    low: 'Input at its low',
    high: 'Input at its high',
    swing: 'Swing',
    central: (v) => `Central: ${v}`,
    topOf: (shown, all) => `Top ${shown} of ${all} inputs`
  },
  inputs: {
    weight: (f) => `${f} — weight`,
    start: (f) => `${f} — start`,
    target: (f) => `${f} — target`,
    pace: (f) => `${f} — pace`,
    volatility: (f) => `${f} — volatility`,
    strength: (from, to) => `${from} → ${to} — strength`
  },
  histogram: {
    bin: 'Tension at the horizon',
    from: 'From',
    to: 'To',
    pCrisis: (ever, h) => `P(crisis at any time) ${ever} · P(crisis at the horizon) ${h}`,
    crisisLine: (v) => `Crisis threshold (${v})`,
    runsTooltip: (runs, share) => `${runs} runs (${share})`
  },
  direction: { raises: 'Raises tension', lowers: 'Lowers tension' },
  gap: {
    title: (a, b) => `Tension gap by month — ${a} minus ${b}`,
    titleAtHorizon: (m, a, b) => `Tension gap at the horizon (${m}) — ${a} minus ${b}`,
    axis: 'Difference in contribution (points)',
    total: 'Gap in tension (total)',
    contributionIn: (s) => `Contribution in ${s}`,
    difference: 'Difference',
    summary: (a, ta, b, tb, gap) => `${a}: ${ta} · ${b}: ${tb} · gap ${gap}`,
    needsTwo: 'The gap needs two scenarios'
  },
  noMonteCarlo: 'Monte Carlo not computed',
  observed: {
    readings: 'Observed (a judgement ± σ)',
    reading: (v, sigma) => `${v} ± ${sigma}`,
    column: 'Observed',
    sigma: 'Observed: σ',
    outcomes: 'Recorded outcomes',
    happened: (e) => `✓ ${e}: happened`,
    didNotHappen: (e) => `✗ ${e}: did not happen`
  },
  odds: {
    axis: 'Odds (%)',
    subtitle: (n) => `Each month weighs only what was recorded up to it (${n} observation${n === 1 ? '' : 's'})`,
    none: 'No observations recorded: the odds are the priors',
    waiting: 'Waiting for the Monte Carlo runs',
    inconsistent: 'No scenario is consistent with the observations: in every run, a recorded outcome is contradicted'
  },
  conditionedFan: (s, runs) => `${s} given the observations: worth ${runs} equally weighted runs`,
  fewRuns: 'too few to trust',
  noConditionedFan: (s) => `No run of ${s} agrees with the recorded outcomes: no fan given the observations`,
  accessibleList: (title, items) => (items.length ? `${title}: ${items.join(', ')}` : title)
};

export const ar: ChartStrings = {
  titles: {
    tension: 'مؤشر التوتر الإقليمي عبر الزمن',
    contributions: (s) => `مساهمات العوامل في التوتر — ${s}`,
    contributionsAtHorizon: (m) => `مساهمات العوامل في التوتر في نهاية الأفق (${m})`,
    contributionsMean: (s) => `متوسط مساهمات العوامل في التوتر عبر التشغيلات — ${s}`,
    contributionsAtHorizonMean: (m) => `متوسط مساهمات العوامل في التوتر عبر التشغيلات في نهاية الأفق (${m})`,
    tornado: (s) => `حساسية التوتر في نهاية الأفق — ${s}`,
    tornadoPeak: (s) => `حساسية ذروة التوتر — ${s}`,
    factors: 'مسارات العوامل',
    histogram: (s) => `توزيع التوتر في نهاية الأفق — ${s}`,
    radar: (m) => `ملامح العوامل في نهاية الأفق (${m})`,
    odds: 'أيّ سيناريو؟ الاحتمالات في ضوء ما رُصد، شهرًا بشهر'
  },
  axes: {
    month: 'الشهر',
    tension: 'التوتر (من 0 إلى 100)',
    contribution: 'المساهمة (نقاط)',
    level: 'المستوى (نقاط)',
    runs: 'عدد التشغيلات',
    tensionAtHorizon: 'التوتر في نهاية الأفق',
    peakTension: 'ذروة التوتر',
    scenario: 'السيناريو',
    factor: 'العامل',
    input: 'المدخل'
  },
  bands: { calm: 'هادئ', elevated: 'مرتفع', high: 'عالٍ', crisis: 'أزمة' },
  fan: { outer: (s) => `${s}: من 5٪ إلى 95٪`, inner: (s) => `${s}: من 25٪ إلى 75٪` },
  quantile: (s, q) => `${s}: المئين ${q}`,
  range: (a, b) => `${a}-${b}`,
  total: 'التوتر (المجموع)',
  events: 'الأحداث',
  tornado: {
    low: 'المدخل عند حدّه الأدنى',
    high: 'المدخل عند حدّه الأعلى',
    swing: 'التأرجح',
    central: (v) => `المسار المركزي: ${v}`,
    topOf: (shown, all) => `أهم ${shown} من ${all} مدخلات`
  },
  inputs: {
    weight: (f) => `وزن ${f}`,
    start: (f) => `بداية ${f}`,
    target: (f) => `هدف ${f}`,
    pace: (f) => `وتيرة ${f}`,
    volatility: (f) => `تذبذب ${f}`,
    strength: (from, to) => `قوة دفع ${from} ← ${to}`
  },
  histogram: {
    bin: 'التوتر في نهاية الأفق',
    from: 'من',
    to: 'إلى',
    pCrisis: (ever, h) => `احتمال بلوغ الأزمة ولو مرة: ${ever} · احتمال الأزمة في نهاية الأفق: ${h}`,
    crisisLine: (v) => `عتبة الأزمة (${v})`,
    runsTooltip: (runs, share) => `${runs} تشغيلة (${share})`
  },
  direction: { raises: 'يرفع التوتر', lowers: 'يخفّض التوتر' },
  gap: {
    title: (a, b) => `فجوة التوتر شهرًا بشهر — ${a} مطروحًا منه ${b}`,
    titleAtHorizon: (m, a, b) => `فجوة التوتر في نهاية الأفق (${m}) — ${a} مطروحًا منه ${b}`,
    axis: 'الفرق في المساهمة (نقاط)',
    total: 'فجوة التوتر (المجموع)',
    contributionIn: (s) => `المساهمة في ${s}`,
    difference: 'الفرق',
    summary: (a, ta, b, tb, gap) => `${a}: ${ta} · ${b}: ${tb} · الفجوة ${gap}`,
    needsTwo: 'تحتاج الفجوة إلى سيناريوهين'
  },
  noMonteCarlo: 'لم تُحسب محاكاة مونت كارلو',
  observed: {
    readings: 'المرصود (تقدير ± σ)',
    reading: (v, sigma) => `${v} ± ${sigma}`,
    column: 'المرصود',
    sigma: 'المرصود: σ',
    outcomes: 'النتائج المسجّلة',
    happened: (e) => `✓ ${e}: وقع`,
    didNotHappen: (e) => `✗ ${e}: لم يقع`
  },
  odds: {
    axis: 'الاحتمال (٪)',
    subtitle: (n) =>
      `لا يحتسب كل شهر إلا ما سُجّل حتى نهايته (${n} ${n === 1 ? 'مشاهدة' : n === 2 ? 'مشاهدتان' : n <= 10 ? 'مشاهدات' : 'مشاهدة'})`,
    none: 'لم تُسجَّل مشاهدات: الاحتمالات هي الاحتمالات المسبقة',
    waiting: 'في انتظار تشغيلات مونت كارلو',
    inconsistent: 'لا يتوافق أي سيناريو مع المشاهدات: في كل تشغيلة نتيجة مسجّلة تناقضها'
  },
  conditionedFan: (s, runs) => `${s} في ضوء المشاهدات: تعادل ${runs} تشغيلة متساوية الوزن`,
  fewRuns: 'أقل من أن يُعتمد عليها',
  noConditionedFan: (s) => `لا تتوافق أي تشغيلة من ${s} مع النتائج المسجّلة: لا مروحة في ضوء المشاهدات`,
  accessibleList: (title, items) => (items.length ? `${title}: ${items.join('، ')}` : title)
};

export const CHART_STRINGS: Record<Language, ChartStrings> = { en, ar };

export function chartStrings(language: Language): ChartStrings {
  return CHART_STRINGS[language];
}
