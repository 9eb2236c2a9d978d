// The report's own texts, in English and Arabic, with one typed shape. Chart titles, band
// names, input names and factor directions come from the chart layer (../charts/strings.ts),
// so that the report says exactly what the charts say.

import type { Language } from '../../engine/format';

export interface ReportStrings {
  /** The title of a document whose title is empty. */
  untitled: string;
  headings: {
    summary: string;
    compared: string;
    notes: string;
    settings: string;
    events: string;
    factors: string;
    interactions: string;
    evidence: string;
    tracking: string;
  };
  /** The tracking section: what was recorded since the analysis and what it says of the scenarios. */
  tracking: {
    intro: string;
    /** The caption of a scenario's tension chart with the fan given the observations. */
    conditionedChart: (title: string, scenario: string) => string;
    observations: string;
    columns: { month: string; observation: string; recorded: string; note: string; evidence: string };
    index: string;
    reading: (value: string, sigma: string) => string;
    happened: string;
    didNotHappen: string;
  };
  meta: {
    author: string;
    file: string;
    date: string;
    period: string;
    simulation: string;
    /** The names with no text in the report's language, shown as typed in the other one. */
    untranslated: string;
  };
  /** The file of a document not saved yet. */
  notSaved: string;
  /** "Oct 2024 – Oct 2026 (24 months)". */
  period: (from: string, to: string, months: string) => string;
  simulation: (runs: string, seed: string) => string;
  simulationOff: string;
  /** The summary's own words; its headline columns are the headline's (../headline.ts). */
  summary: {
    scenario: string;
    /** A column: a headline's words, then the month on a line of its own. */
    at: (words: string, month: string) => string;
    sensitivity: string;
    /** "Israeli military response: 14.2". */
    item: (label: string, value: string) => string;
    noSensitivity: string;
  };
  /** The caption of a scenario's own tension chart: "<chart title> — <scenario>". */
  scenarioChart: (title: string, scenario: string) => string;
  settings: {
    factor: string;
    weight: string;
    start: string;
    target: string;
    pace: string;
    volatility: string;
  };
  events: {
    month: string;
    event: string;
    factor: string;
    shift: string;
    probability: string;
    kind: string;
    pulse: string;
    lasting: string;
    ifHappened: (event: string) => string;
    ifNotHappened: (event: string) => string;
    conditional: (probability: string, condition: string, overall: string) => string;
  };
  /** After a range in the tables: it is a PERT distribution. */
  pert: string;
  factors: {
    factor: string;
    direction: string;
    weight: string;
    description: string;
    evidence: string;
  };
  interactions: {
    from: string;
    to: string;
    strength: string;
    evidence: string;
  };
  evidence: {
    gist: string;
    source: string;
    note: string;
    linkedTo: string;
    /** "Western sanctions → Russia–Iran strategic partnership". */
    link: (from: string, to: string) => string;
  };
  /** A scenario the model cannot compute. */
  problems: {
    zeroWeights: string;
    other: (place: string, detail: string) => string;
  };
  /** Joins short items (evidence ids) in a cell. */
  list: (items: string[]) => string;
}

export const en: ReportStrings = {
  untitled: 'Untitled analysis',
  headings: {
    summary: 'Summary',
    compared: 'The scenarios compared',
    notes: 'Analyst’s notes',
    settings: 'Factor settings',
    events: 'Events',
    factors: 'Factors',
    interactions: 'Interactions',
    evidence: 'Evidence',
    tracking: 'What happened since: which scenario?'
  },
  tracking: {
    intro:
      'What was recorded after the analysis was written, and how it weighs the scenarios: each Monte Carlo run counts by how well it agrees with the readings and outcomes up to each month (docs/MODEL.md, “Tracking what happens”).',
    conditionedChart: (title, scenario) => `${title} — ${scenario}, given the observations`,
    observations: 'Observations',
    columns: { month: 'Month', observation: 'Observation', recorded: 'Recorded', note: 'Note', evidence: 'Evidence' },
    index: 'Tension index',
    reading: (v, sigma) => `${v} ± ${sigma}`,
    happened: 'happened',
    didNotHappen: 'did not happen'
  },
  meta: {
    author: 'Author',
    file: 'File',
    date: 'Date',
    period: 'Period',
    simulation: 'Monte Carlo',
    untranslated: 'Names not yet in English (shown in Arabic)'
  },
  notSaved: 'Not saved to a file yet',
  period: (from, to, months) => `${from} – ${to} (${months} months)`,
  simulation: (runs, seed) => `${runs} runs, seed ${seed}`,
  simulationOff: 'Off (0 runs): central paths only',
  summary: {
    scenario: 'Scenario',
    at: (words, month) => `${words}\n${month}`,
    sensitivity: 'Most sensitive inputs (swing)',
    item: (label, value) => `${label}: ${value}`,
    noSensitivity: 'No uncertain inputs'
  },
  scenarioChart: (title, scenario) => `${title} — ${scenario}`,
  settings: {
    factor: 'Factor',
    weight: 'Weight',
    start: 'Start',
    target: 'Target',
    pace: 'Pace (per month)',
    volatility: 'Volatility (points)'
  },
  events: {
    month: 'Month',
    event: 'Event',
    factor: 'Factor',
    shift: 'Shift (points)',
    probability: 'Probability',
    kind: 'Lasts',
    pulse: 'once (fades)',
    lasting: 'from then on (moves the target)',
    ifHappened: (event: string) => `if “${event}” happened`,
    ifNotHappened: (event: string) => `if “${event}” did not happen`,
    conditional: (probability: string, condition: string, overall: string) =>
      `${probability} ${condition} (${overall} overall)`
  },
  pert: 'PERT',
  factors: {
    factor: 'Factor',
    direction: 'Direction',
    weight: 'Weight',
    description: 'Description',
    evidence: 'Evidence'
  },
  interactions: {
    from: 'From',
    to: 'To',
    strength: 'Monthly push',
    evidence: 'Evidence'
  },
  evidence: {
    gist: 'In short',
    source: 'Source',
    note: 'Note',
    linkedTo: 'Supports',
    link: (from, to) => `${from} → ${to}`
  },
  problems: {
    zeroWeights: 'Not computed: all factor weights are zero, so the tension index is not defined.',
    other: (place, detail) => `Not computed: ${detail} (${place}).`
  },
  list: (items) => items.join(', ')
};

export const ar: ReportStrings = {
  untitled: 'تحليل بلا عنوان',
  headings: {
    summary: 'الخلاصة',
    compared: 'مقارنة السيناريوهات',
    notes: 'ملاحظات المحلّل',
    settings: 'إعدادات العوامل',
    events: 'الأحداث',
    factors: 'العوامل',
    interactions: 'التفاعلات',
    evidence: 'الشواهد',
    tracking: 'ما جرى منذ التحليل: أيّ سيناريو؟'
  },
  tracking: {
    intro:
      'ما سُجّل بعد كتابة التحليل، وكيف يرجّح بين السيناريوهات: تُحتسب كل تشغيلة من تشغيلات مونت كارلو بقدر توافقها مع القراءات والنتائج حتى كل شهر (docs/MODEL.md، «تتبّع ما يحدث»).',
    conditionedChart: (title, scenario) => `${title} — ${scenario}، في ضوء المشاهدات`,
    observations: 'المشاهدات',
    columns: { month: 'الشهر', observation: 'المشاهدة', recorded: 'المسجَّل', note: 'ملاحظة', evidence: 'الشواهد' },
    index: 'مؤشر التوتر',
    reading: (v, sigma) => `${v} ± ${sigma}`,
    happened: 'وقع',
    didNotHappen: 'لم يقع'
  },
  meta: {
    author: 'المؤلف',
    file: 'الملف',
    date: 'التاريخ',
    period: 'الفترة',
    simulation: 'محاكاة مونت كارلو',
    untranslated: 'أسماء لم تُترجم إلى العربية بعد (معروضة بالإنجليزية)'
  },
  notSaved: 'لم يُحفظ في ملف بعد',
  period: (from, to, months) => `من ${from} إلى ${to} (${months} شهرًا)`,
  simulation: (runs, seed) => `${runs} تشغيلة، البذرة ${seed}`,
  simulationOff: 'متوقفة (0 تشغيلات): المسارات المركزية وحدها',
  summary: {
    scenario: 'السيناريو',
    at: (words, month) => `${words}\n${month}`,
    sensitivity: 'أكثر المدخلات تأثيرًا (التأرجح)',
    item: (label, value) => `${label}: ${value}`,
    noSensitivity: 'لا مدخلات غير مؤكدة'
  },
  scenarioChart: (title, scenario) => `${title} — ${scenario}`,
  settings: {
    factor: 'العامل',
    weight: 'الوزن',
    start: 'البداية',
    target: 'الهدف',
    pace: 'الوتيرة (في الشهر)',
    volatility: 'التذبذب (نقاط)'
  },
  events: {
    month: 'الشهر',
    event: 'الحدث',
    factor: 'العامل',
    shift: 'التحوّل (نقاط)',
    probability: 'الاحتمال',
    kind: 'المدة',
    pulse: 'مرة واحدة (يتلاشى)',
    lasting: 'من شهره فصاعدًا (ينقل الهدف)',
    ifHappened: (event: string) => `إذا وقع «${event}»`,
    ifNotHappened: (event: string) => `إذا لم يقع «${event}»`,
    conditional: (probability: string, condition: string, overall: string) =>
      `${probability} ${condition} (${overall} إجمالًا)`
  },
  pert: 'توزيع PERT',
  factors: { factor: 'العامل', direction: 'الاتجاه', weight: 'الوزن', description: 'الوصف', evidence: 'الشواهد' },
  interactions: {
    from: 'من',
    to: 'إلى',
    strength: 'الدفع الشهري',
    evidence: 'الشواهد'
  },
  evidence: {
    gist: 'باختصار',
    source: 'المصدر',
    note: 'ملاحظة',
    linkedTo: 'يدعم',
    link: (from, to) => `${from} ← ${to}`
  },
  problems: {
    zeroWeights: 'لم يُحسب: أوزان العوامل كلها صفر، فلا يُعرَّف مؤشر التوتر.',
    other: (place, detail) => `لم يُحسب: ${detail} (${place}).`
  },
  list: (items) => items.join('، ')
};

export const REPORT_STRINGS: Record<Language, ReportStrings> = { en, ar };
