// Texts of the analysis pane, the layout splitter and the model help, in English and Arabic.
// `en` is the reference: `ar` must have exactly the same keys with the same parameters (the
// AnalysisMessages type below, the technique of ../../i18n/messages.ts). Chart titles, axes and
// legends live with the charts (src/presentation/charts/strings.ts).
import type { Language } from '../../../../engine/format';

export const en = {
  analysisHeading: 'Analysis',
  selectedScenario: 'Scenario',
  selectedScenarioHint: 'Bands, contributions, sensitivity and distribution are of this scenario.',
  chartsLabel: 'Charts',
  tabTension: 'Tension',
  tabContributions: 'Contributions',
  tabSensitivity: 'Sensitivity',
  tabFactors: 'Factor paths',
  tabDistribution: 'Distribution',
  tabProfile: 'Profile',
  tabGap: 'Gap',
  tabTracking: 'Which scenario?',
  fanOf: 'Fan',
  fanPrior: 'all runs',
  fanConditioned: 'given the observations',
  fanNote:
    'Given the observations, each run counts by how well it agrees with what was recorded (Observations tab): the fan narrows to the runs that followed what happened.',
  fanWaiting: 'The fan given the observations comes with the Monte Carlo.',
  trackingNone:
    'Nothing has been recorded yet. Record what happened in the Observations tab of the editor: readings of the index or of a factor, and whether scheduled events happened. The odds then move toward the scenarios whose runs agree.',
  trackingWaiting: 'The odds and scores come with the Monte Carlo.',

  tabStructure: 'Structure',
  structureIntro:
    'Where the model settles under each target and the links, without events or noise: when the links rather than the targets drive the result, it shows here.',
  structureLinksHeading: 'What the links add',
  structureLinks: (withLinks: string, without: string, difference: string, month: string) =>
    `Tension at the horizon (${month}): ${withLinks} with the links, ${without} with every link at 0, so the links add ${difference} points.`,
  structureSteadyHeading: 'Where each factor settles',
  structureSteadyCaption: 'Each factor’s target and the level it settles at under the target and the links (points)',
  structureFactor: 'Factor',
  structureTarget: 'Target',
  structureSettles: 'Settles at',
  structureGap: 'Gap',
  structureFarFromTarget: 'more than 5 points from its target',
  structureNotSettled: (months: string) =>
    `The levels do not settle (still moving after ${months} months): the last levels are shown.`,
  structureLoopsHeading: 'Feedback loops',
  structureNoLoops: 'The links form no loop: no factor acts back on itself through the others.',
  structureLoopsCount: (total: string, reinforcing: string, balancing: string) =>
    `Loops: ${total} (reinforcing: ${reinforcing}, balancing: ${balancing}). A loop’s gain is the product of the monthly pushes along it.`,
  structureLoopsMore: (counted: string) => `Loops: more than ${counted} (the search stopped there).`,
  structureReinforcing: 'reinforcing',
  structureBalancing: 'balancing',
  structureLoopGain: (gain: string) => `gain ${gain}`,
  structureShownLoops: (shown: string) => `Listed: the ${shown} of largest gain.`,

  tornadoMetric: 'Sensitivity of',
  tornadoFinal: 'tension at the horizon',
  tornadoPeak: 'peak tension',
  tornadoNote:
    'Each bar moves one uncertain input to its low and then its high, the others at their modes. Peak tension is the highest month of the central path up to the horizon.',
  sobolHeading: 'What drives the spread (Sobol indices)',
  sobolIntro:
    'How much of the spread of the Monte Carlo each group of inputs explains: each factor’s ranges, each uncertain event, and the monthly shocks. Alone: its own share; with interactions: its share together with what it does through the others.',
  sobolMetric: 'Spread of',
  sobolFinal: 'tension at the horizon',
  sobolPeak: 'peak tension',
  sobolCrisis: 'reaching the crisis line',
  sobolMetricNote: 'The indices split the variance of this measure over the runs of a Saltelli design.',
  sobolCompute: 'Compute Sobol indices',
  sobolComputeAgain: 'Compute again',
  sobolCancel: 'Cancel',
  sobolRunning: (percent: string) => `Computing: ${percent} of the model runs done`,
  sobolCancelled: 'Stopped before the end: nothing to show.',
  sobolStale: 'The file or the choice changed since these indices were computed.',
  sobolDesign: (samples: string, runs: string, seed: string) =>
    `${samples} samples (${runs} model runs), seed ${seed}; 95 % bootstrap intervals.`,
  sobolNoise: 'Monthly shocks',
  sobolAlone: 'alone',
  sobolWithOthers: 'with interactions',
  sobolGroup: 'Inputs',
  sobolSummary: (noise: string, judgement: string, rest: string) =>
    `The monthly shocks alone explain ${noise} of the spread; your judgements alone (ranges, events and links) ${judgement}; their combination the remaining ${rest}.`,
  sobolNothing: 'Nothing in this scenario varies from run to run: there is no spread to split.',
  sobolProblem: (message: string) => `Cannot compute the indices: ${message}`,
  contributionsOf: 'Contributions',
  contributionsCentral: 'on the central path',
  contributionsMean: 'mean over the runs',
  contributionsNote:
    'The central path takes each input at its central value and each event at its expected shift; the mean over the runs averages every Monte Carlo run, with the events that fired and the noise.',
  contributionsMeanWaiting: 'The mean over the runs comes with the Monte Carlo.',

  gapPickers: 'Scenarios of the gap',
  gapA: 'Scenario A',
  gapB: 'minus B',
  gapSwap: 'Swap A and B',
  gapNote:
    'Each bar is a factor’s contribution to tension in A minus its contribution in B; together the bars make the gap in tension, A − B.',
  gapNeedsTwo:
    'The gap compares two scenarios, and this analysis has one that can be computed. Add or duplicate a scenario in the editor to compare them.',

  showData: 'Show data',
  hideData: 'Hide data',
  dataTableLabel: (title: string) => `Data of the chart: ${title}`,

  exportMenu: 'Export',
  exportCopy: 'Copy image',
  exportPng: 'Save PNG…',
  exportSvg: 'Save SVG…',
  exportCsv: 'Save CSV…',
  exportTitleCopy: 'Copy the chart as an image',
  exportTitlePng: 'Save the chart as PNG',
  exportTitleSvg: 'Save the chart as SVG',
  exportTitleCsv: 'Save the chart’s data as CSV',
  exportBom: 'Mark the file as UTF-8 for Excel (byte-order mark)',
  exportBomNote:
    'Excel on Windows needs the mark to read Arabic and other non-Latin text; other programs read the file either way.',
  exportCaption: 'Caption under the chart',
  exportCaptionNote:
    'The analysis’s title, today’s date and “a judgement aid, not a forecast”, so the picture says where it came from.',
  exportFactor: 'Factor',
  exportFactorsNote: 'Factor paths are exported one factor at a time. The CSV holds every factor.',
  exportScale: 'Size',
  exportScaleOption: (scale: string, width: string, height: string) => `${scale}× (${width} × ${height} pixels)`,
  exportBackground: 'Background',
  exportBackgroundWhite: 'White',
  exportBackgroundTransparent: 'Transparent',
  exportBackgroundDark: 'Dark',
  exportSave: 'Save…',
  exportCopyButton: 'Copy',
  exportCancel: 'Cancel',
  exportSaved: (name: string) => `Saved ${name}`,
  exportCopied: 'The chart image is on the clipboard.',
  exportNoChart: 'There is no chart on screen to export.',

  mcEstimating: 'Monte Carlo: estimating…',
  mcQuick: (runs: string) => `Monte Carlo: quick estimate, ${runs} runs`,
  mcRefined: (runs: string) => `Monte Carlo: ${runs} runs`,
  mcOff: 'Monte Carlo off (0 runs in the file)',
  mcNotRun: 'Monte Carlo not run',

  problemTitleAll: 'The tension index cannot be computed',
  problemTitleSome: 'Some scenarios cannot be computed',
  problemZeroWeights: (scenario: string) =>
    `${scenario}: all factor weights are zero, so the tension index is not defined. Give at least one factor a weight above 0.`,
  problemOther: (scenario: string, place: string, detail: string) => `${scenario}: ${detail} (${place})`,
  problemNotCharted: 'It is left out of the charts until this is fixed.',

  help: 'Model help',
  helpHeading: 'How Mizan computes the index',
  helpClose: 'Close help',
  helpOtherLanguage: 'اقرأ بالعربية',
  helpOtherLanguageCode: 'ar',
  helpLoading: 'Loading the help…',
  helpNotForecast:
    'Mizan is a judgement aid, not a forecast: every number in a file is someone’s judgement, and the model only works out what those judgements imply together.',
  helpContents: 'Contents',
  shortcutsHeading: 'Keyboard shortcuts',
  shortcutKeys: 'Keys',
  shortcutAction: 'Action',
  shortcuts: [
    ['Ctrl/⌘ + N', 'New analysis (in a browser tab, use the New button)'],
    ['Ctrl/⌘ + O', 'Open a file'],
    ['Ctrl/⌘ + S', 'Save'],
    ['Ctrl/⌘ + Shift + S', 'Save as'],
    ['Ctrl/⌘ + Z', 'Undo'],
    ['Ctrl/⌘ + Shift + Z, Ctrl/⌘ + Y', 'Redo'],
    ['← →  ↑ ↓', 'On a slider: change by one step (0.1)'],
    ['Page Up, Page Down', 'On a slider: change by one point'],
    ['Home, End', 'On a slider: lowest and highest value'],
    ['← →', 'On the tabs of the charts: next and previous chart; on the pane divider: move it'],
    ['Tab, Shift + Tab', 'Move between controls']
  ] as [string, string][],

  splitterLabel: 'Divider between the editor and the analysis',
  splitterValue: (percent: string) => `Editor ${percent} of the width`
};

export type AnalysisMessages = {
  [K in keyof typeof en]: (typeof en)[K] extends (...args: infer A) => string ? (...args: A) => string : (typeof en)[K];
};

export const ar: AnalysisMessages = {
  analysisHeading: 'التحليل',
  selectedScenario: 'السيناريو',
  selectedScenarioHint: 'النطاقات والمساهمات والحساسية والتوزيع خاصة بهذا السيناريو.',
  chartsLabel: 'الرسوم البيانية',
  tabTension: 'التوتر',
  tabContributions: 'المساهمات',
  tabSensitivity: 'الحساسية',
  tabFactors: 'مسارات العوامل',
  tabDistribution: 'التوزيع',
  tabProfile: 'الملامح',
  tabGap: 'الفجوة',
  tabTracking: 'أيّ سيناريو؟',
  fanOf: 'المروحة',
  fanPrior: 'كل التشغيلات',
  fanConditioned: 'في ضوء المشاهدات',
  fanNote:
    'في ضوء المشاهدات تُحتسب كل تشغيلة بقدر توافقها مع ما سُجّل (تبويب المشاهدات): فتضيق المروحة إلى التشغيلات التي سارت كما جرت الأحداث.',
  fanWaiting: 'تأتي المروحة في ضوء المشاهدات مع مونت كارلو.',
  trackingNone:
    'لم يُسجَّل شيء بعد. سجّل ما جرى في تبويب المشاهدات في المحرّر: قراءات للمؤشر أو لعامل، وهل وقعت الأحداث المجدولة. عندها تميل الاحتمالات نحو السيناريوهات التي تتوافق تشغيلاتها مع ذلك.',
  trackingWaiting: 'تأتي الاحتمالات والدرجات مع مونت كارلو.',

  tabStructure: 'البنية',
  structureIntro:
    'أين يستقر النموذج تحت كل هدف والروابط، بلا أحداث ولا ضجيج: إن كانت الروابط لا الأهداف هي ما يحرّك النتيجة، ظهر ذلك هنا.',
  structureLinksHeading: 'ما تضيفه الروابط',
  structureLinks: (withLinks: string, without: string, difference: string, month: string) =>
    `التوتر في نهاية الأفق (${month}): ${withLinks} مع الروابط، و${without} حين تكون كل الروابط صفرًا، فتضيف الروابط ${difference} نقطة.`,
  structureSteadyHeading: 'أين يستقر كل عامل',
  structureSteadyCaption: 'هدف كل عامل والمستوى الذي يستقر عنده تحت الهدف والروابط (بالنقاط)',
  structureFactor: 'العامل',
  structureTarget: 'الهدف',
  structureSettles: 'يستقر عند',
  structureGap: 'الفرق',
  structureFarFromTarget: 'يبعد أكثر من 5 نقاط عن هدفه',
  structureNotSettled: (months: string) =>
    `لا تستقر المستويات (ما زالت تتحرك بعد أشهر عددها ${months}): المعروض آخر المستويات.`,
  structureLoopsHeading: 'حلقات التغذية الراجعة',
  structureNoLoops: 'لا تكوّن الروابط أي حلقة: لا يعود أثر عامل إليه عبر العوامل الأخرى.',
  structureLoopsCount: (total: string, reinforcing: string, balancing: string) =>
    `الحلقات: ${total} (معزِّزة: ${reinforcing}، موازِنة: ${balancing}). كسب الحلقة حاصل ضرب الدفع الشهري على طولها.`,
  structureLoopsMore: (counted: string) => `الحلقات: أكثر من ${counted} (توقف البحث عندها).`,
  structureReinforcing: 'معزِّزة',
  structureBalancing: 'موازِنة',
  structureLoopGain: (gain: string) => `الكسب ${gain}`,
  structureShownLoops: (shown: string) => `المعروض: ${shown} ذات الكسب الأكبر.`,

  tornadoMetric: 'حساسية',
  tornadoFinal: 'التوتر في نهاية الأفق',
  tornadoPeak: 'ذروة التوتر',
  tornadoNote:
    'يحرّك كل شريط مُدخلًا واحدًا غير مؤكد إلى أدناه ثم إلى أعلاه، والمدخلات الأخرى عند قيمها الأرجح. ذروة التوتر هي أعلى شهر في المسار المركزي حتى نهاية الأفق.',
  sobolHeading: 'ما الذي يصنع التشتّت (مؤشرات سوبول)',
  sobolIntro:
    'كم تفسّر كل مجموعة من المدخلات من تشتّت نتائج مونت كارلو: نطاقات كل عامل، وكل حدث غير مؤكد، وصدمات الأشهر. وحدها: حصّتها الخاصة؛ مع التفاعلات: حصّتها مع ما تفعله عبر غيرها.',
  sobolMetric: 'تشتّت',
  sobolFinal: 'التوتر في نهاية الأفق',
  sobolPeak: 'ذروة التوتر',
  sobolCrisis: 'بلوغ خط الأزمة',
  sobolMetricNote: 'تقسم المؤشرات تباين هذا المقياس على تشغيلات تصميم سالتيلي.',
  sobolCompute: 'حساب مؤشرات سوبول',
  sobolComputeAgain: 'إعادة الحساب',
  sobolCancel: 'إلغاء',
  sobolRunning: (percent: string) => `جارٍ الحساب: أُنجز ${percent} من تشغيلات النموذج`,
  sobolCancelled: 'توقّف الحساب قبل نهايته: لا شيء للعرض.',
  sobolStale: 'تغيّر الملف أو الاختيار منذ حُسبت هذه المؤشرات.',
  sobolDesign: (samples: string, runs: string, seed: string) =>
    `${samples} عيّنة (${runs} تشغيلة للنموذج)، البذرة ${seed}؛ فترات بوتستراب 95٪.`,
  sobolNoise: 'صدمات الأشهر',
  sobolAlone: 'وحدها',
  sobolWithOthers: 'مع التفاعلات',
  sobolGroup: 'المدخلات',
  sobolSummary: (noise: string, judgement: string, rest: string) =>
    `تفسّر صدمات الأشهر وحدها ${noise} من التشتّت، وتقديراتك وحدها (النطاقات والأحداث والروابط) ${judgement}، واجتماعهما ما بقي ${rest}.`,
  sobolNothing: 'لا شيء في هذا السيناريو يتغيّر من تشغيلة إلى أخرى: لا تشتّت لتقسيمه.',
  sobolProblem: (message: string) => `تعذّر حساب المؤشرات: ${message}`,
  contributionsOf: 'المساهمات',
  contributionsCentral: 'في المسار المركزي',
  contributionsMean: 'متوسطها عبر التشغيلات',
  contributionsNote:
    'يأخذ المسار المركزي كل مدخل عند قيمته المركزية وكل حدث عند أثره المتوقع؛ أما المتوسط عبر التشغيلات فيجمع كل تشغيلات مونت كارلو، بالأحداث التي وقعت وبالتشويش.',
  contributionsMeanWaiting: 'يأتي المتوسط عبر التشغيلات مع مونت كارلو.',

  gapPickers: 'سيناريوهَا الفجوة',
  gapA: 'السيناريو أ',
  gapB: 'مطروحًا منه ب',
  gapSwap: 'تبديل أ و ب',
  gapNote: 'كل شريط هو مساهمة العامل في التوتر في أ مطروحًا منها مساهمته في ب، ومجموع الأشرطة هو فجوة التوتر أ − ب.',
  gapNeedsTwo:
    'تقارن الفجوة بين سيناريوهين، وفي هذا التحليل سيناريو واحد يمكن حسابه. أضف سيناريو أو انسخ سيناريو في المحرّر لتقارن بينهما.',

  showData: 'عرض البيانات',
  hideData: 'إخفاء البيانات',
  dataTableLabel: (title: string) => `بيانات الرسم: ${title}`,

  exportMenu: 'تصدير',
  exportCopy: 'نسخ الصورة',
  exportPng: 'حفظ PNG…',
  exportSvg: 'حفظ SVG…',
  exportCsv: 'حفظ CSV…',
  exportTitleCopy: 'نسخ الرسم صورةً',
  exportTitlePng: 'حفظ الرسم بصيغة PNG',
  exportTitleSvg: 'حفظ الرسم بصيغة SVG',
  exportTitleCsv: 'حفظ بيانات الرسم بصيغة CSV',
  exportBom: 'وسم الملف بترميز UTF-8 لبرنامج Excel (علامة ترتيب البايتات)',
  exportBomNote:
    'يحتاج Excel في Windows إلى هذه العلامة ليقرأ النص العربي وغيره من النصوص غير اللاتينية؛ أما البرامج الأخرى فتقرأ الملف في الحالتين.',
  exportCaption: 'تعليق أسفل الرسم',
  exportCaptionNote: 'عنوان التحليل وتاريخ اليوم وعبارة «أداة مساعدة على التقدير وليست تنبؤًا»، لتدلّ الصورة على مصدرها.',
  exportFactor: 'العامل',
  exportFactorsNote: 'تُصدَّر مسارات العوامل عاملًا واحدًا في كل مرة، ويضم ملف CSV العوامل كلها.',
  exportScale: 'الحجم',
  exportScaleOption: (scale: string, width: string, height: string) => `${scale}× (${width} × ${height} بكسل)`,
  exportBackground: 'الخلفية',
  exportBackgroundWhite: 'بيضاء',
  exportBackgroundTransparent: 'شفافة',
  exportBackgroundDark: 'داكنة',
  exportSave: 'حفظ…',
  exportCopyButton: 'نسخ',
  exportCancel: 'إلغاء',
  exportSaved: (name: string) => `حُفظ ${name}`,
  exportCopied: 'صورة الرسم في الحافظة.',
  exportNoChart: 'لا يوجد رسم بياني معروض لتصديره.',

  mcEstimating: 'مونت كارلو: جارٍ التقدير…',
  mcQuick: (runs: string) => `مونت كارلو: تقدير سريع، ${runs} تشغيلة`,
  mcRefined: (runs: string) => `مونت كارلو: ${runs} تشغيلة`,
  mcOff: 'مونت كارلو متوقفة (0 تشغيلات في الملف)',
  mcNotRun: 'لم تُشغَّل محاكاة مونت كارلو',

  problemTitleAll: 'يتعذّر حساب مؤشر التوتر',
  problemTitleSome: 'يتعذّر حساب بعض السيناريوهات',
  problemZeroWeights: (scenario: string) =>
    `${scenario}: أوزان العوامل كلها صفر، فمؤشر التوتر غير معرّف. أعطِ عاملًا واحدًا على الأقل وزنًا أكبر من 0.`,
  problemOther: (scenario: string, place: string, detail: string) => `${scenario}: ${detail} (${place})`,
  problemNotCharted: 'يبقى خارج الرسوم البيانية حتى تُصلَح المشكلة.',

  help: 'شرح النموذج',
  helpHeading: 'كيف يحسب ميزان المؤشر',
  helpClose: 'إغلاق الشرح',
  helpOtherLanguage: 'Read in English',
  helpOtherLanguageCode: 'en',
  helpLoading: 'جارٍ تحميل الشرح…',
  helpNotForecast:
    'ميزان أداةٌ تعين على التقدير، وليس أداةً للتنبؤ: كل رقم في الملف تقديرٌ من صاحبه، ولا يفعل النموذج أكثر من حساب ما تؤدّي إليه هذه التقديرات مجتمعة.',
  helpContents: 'المحتويات',
  shortcutsHeading: 'اختصارات لوحة المفاتيح',
  shortcutKeys: 'المفاتيح',
  shortcutAction: 'الأمر',
  shortcuts: [
    ['Ctrl/⌘ + N', 'تحليل جديد (في تبويب المتصفح استخدم زر «جديد»)'],
    ['Ctrl/⌘ + O', 'فتح ملف'],
    ['Ctrl/⌘ + S', 'حفظ'],
    ['Ctrl/⌘ + Shift + S', 'حفظ باسم'],
    ['Ctrl/⌘ + Z', 'تراجع'],
    ['Ctrl/⌘ + Shift + Z، Ctrl/⌘ + Y', 'إعادة'],
    ['← →  ↑ ↓', 'على شريط التمرير: تغيير بخطوة واحدة (0.1)'],
    ['Page Up، Page Down', 'على شريط التمرير: تغيير بنقطة واحدة'],
    ['Home، End', 'على شريط التمرير: أدنى قيمة وأعلى قيمة'],
    ['← →', 'على تبويبات الرسوم: الرسم التالي والسابق؛ على فاصل اللوحتين: تحريكه'],
    ['Tab، Shift + Tab', 'التنقل بين عناصر التحكم']
  ],

  splitterLabel: 'الفاصل بين المحرّر والتحليل',
  splitterValue: (percent: string) => `المحرّر ${percent} من العرض`
};

const MESSAGES: Record<Language, AnalysisMessages> = { en, ar };

export function analysisMessages(language: Language): AnalysisMessages {
  return MESSAGES[language];
}
