// The editor's texts (factors, scenarios, interactions, events, evidence, run settings) in
// English and Arabic. `en` is the reference: `ar` must have exactly the same keys with the
// same parameters (EditorMessages below), or the build fails — the technique of i18n/messages.ts.
// Numbers arrive already formatted for the language (formatNumber), names as they are: the
// components wrap inserted names in bidi isolates where a sentence mixes scripts.
import { LIMITS, type LocalizedLabel, type Language } from '../../../../engine/format';
import { showLabel } from '../../../../engine/labels';
import type { EditError } from '../../../../engine/edits';

const en = {
  editorLabel: 'Edit the analysis',
  tabFactors: 'Factors',
  tabScenarios: 'Scenarios',
  tabInteractions: 'Interactions',
  tabEvents: 'Events',
  tabEvidence: 'Evidence',
  tabObservations: 'Observations',
  tabRun: 'Run settings',

  // ---- shared bits ----
  apply: 'Apply',
  cancel: 'Cancel',
  edit: 'Edit',
  done: 'Done',
  dismiss: 'Dismiss',
  undo: 'Undo',
  remove: 'Remove',
  nameEnglish: 'Name in English',
  nameArabic: 'Name in Arabic',
  rangeOf: (name: string) => `${name}: uncertainty range`,
  shapeOf: (name: string) => `${name}: shape of the range`,
  shapeTriangular: 'Triangular',
  shapePert: 'PERT',
  lowOf: (name: string) => `${name}, low`,
  highOf: (name: string) => `${name}, high`,
  rangeOn: 'Range',
  deleted: (what: string) => `Deleted “${what}”.`,
  points: (n: string) => `${n} points`,

  // ---- validation ----
  errNumber: 'Enter a number.',
  errRange: (min: string, max: string) => `Enter a number from ${min} to ${max}.`,
  errWhole: (min: string, max: string) => `Enter a whole number from ${min} to ${max}.`,
  errLowAboveMode: (mode: string) => `The low end must not be above the central value (${mode}).`,
  errHighBelowMode: (mode: string) => `The high end must not be below the central value (${mode}).`,
  reasonZeroWeights:
    'Not applied: every weight of a scenario would be zero, and the index needs at least one above zero.',
  reasonLastFactor: 'The analysis needs at least one factor.',
  reasonLastScenario: 'The analysis needs at least one scenario.',
  reasonEmptyLabel: 'Give a name in English or in Arabic.',
  reasonTooLong: 'This text is too long for the file.',
  reasonTooMany: 'The file holds no more of these.',
  reasonSelf: 'A factor does not act on itself.',
  reasonCorrelations: 'This correlation cannot hold together with the scenario’s others.',
  reasonObservationsOutside:
    'Some observations would fall outside the timeline: change or delete them first, so that nothing recorded is lost.',
  reasonMonthOutside: 'Choose a month within the timeline (its first month and horizon are in the run settings).',
  reasonZeroPriors: 'At least one scenario needs prior odds above zero.',
  reasonThresholds: 'The bands must rise: elevated below high, high below crisis.',
  reasonMonth: 'Choose a month.',
  reasonColor: 'Choose a colour.',
  reasonOther: 'This change cannot be made.',

  // ---- factors ----
  factorsHint: 'How much each driver counts in the index (weight 0–10), and which way it pushes.',
  columnEvidence: 'Evidence',
  /** The share of a factor's weight in the index: `${share}` is already a formatted percentage. */
  weightShare: (share: string) => `${share} of the index`,
  weightShareOf: (label: string, share: string) => `${label}: ${share} of the index`,
  weightNote: "T is a weighted average: more weight on a factor moves T toward that factor's own level.",
  columnOrder: 'Order and actions',
  addFactor: 'Add factor',
  raisesShort: 'Raises',
  lowersShort: 'Lowers',
  newFactor: (n: string) => `New factor ${n}`,
  directionOf: (label: string, state: string) => `${label} direction: ${state}`,
  switchDirection: 'Click to switch the direction',
  renameOf: (label: string) => `Rename ${label}`,
  clickToRename: 'Click to rename',
  renameTitle: (label: string) => `Rename “${label}”`,
  deleteOf: (label: string) => `Delete ${label}`,
  moveUpOf: (label: string) => `Move ${label} up`,
  moveDownOf: (label: string) => `Move ${label} down`,
  evidenceOf: (label: string, n: string) => `Evidence for ${label}: ${n}`,
  evidenceFor: (label: string) => `Evidence for “${label}”`,
  noEvidence: 'No evidence linked yet.',
  linkEvidenceTo: (label: string) => `Link evidence to ${label}`,
  linkEvidencePlaceholder: 'Link a card…',
  unlinkOf: (card: string, target: string) => `Unlink ${card} from ${target}`,
  descriptionOf: (label: string) => `Description of ${label}`,
  descriptionFor: (label: string) => `Description of “${label}”`,
  descriptionEnglish: 'Description in English',
  descriptionArabic: 'Description in Arabic',

  // ---- scenarios ----
  scenariosHint: 'Choose the scenario to edit; tick the ones the charts compare (at least one).',
  scenarioListLabel: 'Scenario to edit',
  compare: 'Compare',
  compareOf: (name: string) => `Compare ${name}`,
  colourOf: (name: string) => `${name} colour`,
  duplicate: 'Duplicate',
  duplicateOf: (name: string) => `Duplicate ${name}`,
  addScenario: 'Add scenario',
  newScenario: (n: string) => `Scenario ${n}`,
  copyOf: (name: string) => `${name} (copy)`,
  notesOf: (name: string) => `Notes on ${name}`,
  levelsHeading: (name: string) => `How each factor evolves in “${name}”`,
  levelsHint:
    'Start and target from 0 to 100; pace: share of the gap closed each month (0–1); volatility: monthly noise in points (0–50). Leave the scenario weight empty to use the factor’s own.',
  columnTarget: 'Target',
  columnPace: 'Pace',
  columnVolatility: 'Volatility',
  columnOverride: 'Scenario weight',
  startOf: (label: string) => `${label} start`,
  targetOf: (label: string) => `${label} target`,
  paceOf: (label: string) => `${label} pace`,
  volatilityOf: (label: string) => `${label} volatility`,
  overrideOf: (label: string) => `${label} weight in this scenario`,
  correlationsHeading: (name: string) => `Judgements that move together in “${name}”`,
  correlationsHint:
    'Two ranges of this scenario whose draws go together: with a rank correlation of 0.6, a high value of one mostly comes with a high value of the other (with −0.6, with a low one). Each range keeps its own distribution.',
  inputWeightOf: (label: string) => `${label} weight`,
  correlationOf: (a: string, b: string) => `Rank correlation of ${a} and ${b}`,
  removeCorrelationOf: (a: string, b: string) => `Remove the correlation of ${a} and ${b}`,
  correlationFirst: 'First range',
  correlationSecond: 'Second range',
  addCorrelation: 'Add correlation',
  noCorrelations: 'No correlations: the ranges of this scenario are drawn independently.',
  noRangesToCorrelate: 'Give two inputs of this scenario a range (±) to correlate them.',
  overridePlaceholder: (base: string) => `(${base})`,

  // ---- interactions ----
  interactionsHint:
    'The monthly push of one factor (row) on another (column), from −1 to 1: orange raises the other factor, blue lowers it.',
  showAs: 'Show as',
  viewMatrix: 'Matrix',
  viewList: 'List',
  matrixCorner: 'From ↓ · on →',
  matrixLabel: 'Interactions: rows act on columns',
  cellName: (from: string, to: string, value: string) => `${from} on ${to}: ${value}`,
  cellNone: 'none',
  cellSelf: (label: string) => `${label} on itself: not allowed`,
  cellHint: 'Enter or click a cell to edit it; arrow keys move between cells; empty or 0 removes the link.',
  strengthOf: (from: string, to: string) => `Strength of ${from} on ${to}`,
  legendLowers: 'lowers',
  legendRaises: 'raises',
  columnFrom: 'From',
  columnTo: 'To',
  columnStrength: 'Strength',
  noInteractions: 'No interactions yet.',
  addInteraction: 'Add link',
  removeInteractionOf: (from: string, to: string) => `Remove ${from} on ${to}`,
  interactionName: (from: string, to: string) => `${from} → ${to}`,
  newInteractionFrom: 'New link from',
  newInteractionTo: 'New link to',
  newInteractionStrength: 'New link strength',

  // ---- events ----
  eventsHint:
    'A shift of a factor in a given month, with a probability: once (a jump that fades) or lasting (it moves the factor’s target), and if you say so only when an earlier event happened, or did not. Drag a marker, or select it and use the arrow keys, to move it.',
  scenarioPicker: 'Scenario',
  timelineOf: (name: string) => `Timeline of ${name}`,
  monthN: (n: string) => `month ${n}`,
  markerName: (label: string, month: string, when: string, factor: string, shift: string, probability: string) =>
    `${label}: month ${month} (${when}), ${factor} ${shift} points, probability ${probability}`,
  markerHint: 'Arrow keys move the event by a month; Home and End to the first and last month.',
  markerMoved: (label: string, month: string, when: string) => `${label} moved to month ${month} (${when}).`,
  columnMonth: 'Month',
  columnShift: 'Shift',
  columnProbability: 'Probability',
  columnLabel: 'Label',
  columnLabelEn: 'Label (English)',
  columnLabelAr: 'Label (Arabic)',
  eventMonthOf: (label: string) => `${label} month`,
  eventFactorOf: (label: string) => `${label} factor`,
  eventShiftOf: (label: string) => `${label} shift`,
  eventProbabilityOf: (label: string) => `${label} probability`,
  eventLabelEnOf: (label: string) => `${label} label in English`,
  eventLabelArOf: (label: string) => `${label} label in Arabic`,
  addEvent: 'Add event',
  newEvent: 'New event',
  noEvents: 'No events in this scenario yet.',
  deleteEventOf: (label: string) => `Delete event ${label}`,
  copyEventOf: (label: string) => `Copy ${label} to other scenarios`,
  copyEventTo: (label: string) => `Copy “${label}” to`,
  copyEventApply: 'Copy',
  eventCopied: (label: string, n: number) =>
    n === 1 ? `Copied “${label}” to 1 scenario.` : `Copied “${label}” to ${n} scenarios.`,
  eventKindOf: (label: string) => `How long ${label} lasts`,
  eventKindPulse: 'Once: a jump that fades',
  eventKindTarget: 'Lasting: moves the target',
  eventConditionOf: (label: string) => `When ${label} can happen`,
  eventConditionNone: 'Whatever else happens',
  eventConditionIf: (other: string) => `Only if “${other}” happened`,
  eventConditionIfNot: (other: string) => `Only if “${other}” did not happen`,
  eventConditionProbability: (probability: string) => `${probability} overall`,

  // ---- evidence ----
  evidenceHint: 'Quotes from the sources, each linked to the factors and interactions it supports.',
  addEvidence: 'Add card',
  cardName: (id: string) => `Card ${id}`,
  quote: 'Quote (Arabic)',
  gist: 'Gist (English)',
  source: 'Source',
  note: 'Note',
  noQuote: 'No quote yet.',
  linkedFactors: 'Factors',
  linkedInteractions: 'Interactions',
  notLinked: 'None yet.',
  linkFactorOf: (card: string) => `Link ${card} to a factor`,
  linkInteractionOf: (card: string) => `Link ${card} to an interaction`,
  linkFactorPlaceholder: 'Link to a factor…',
  linkInteractionPlaceholder: 'Link to an interaction…',
  linkMore: 'Link…',
  doneLinking: 'Done linking',
  editOf: (card: string) => `Edit ${card}`,
  doneOf: (card: string) => `Done editing ${card}`,

  // ---- observations ----
  observationsHint:
    'What happened since: readings of the index or of a factor, and whether events occurred. The app weighs each scenario’s runs by how well they agree with what was recorded.',
  addObservation: 'Add observation',
  noObservations: 'Nothing recorded yet.',
  observationsList: 'Recorded observations',
  observationName: (what: string, month: string) => `${what}, ${month}`,
  observationMonth: 'Month',
  observationKind: 'Kind',
  kindIndex: 'Reading of the index',
  kindFactor: 'Reading of a factor',
  kindEvent: 'Outcome of an event',
  tensionIndex: 'Tension index',
  observedFactor: 'Factor',
  observedEvent: 'Event',
  observedValue: 'Value (0–100)',
  observedUncertainty: 'Uncertainty ± σ',
  errUncertainty: 'Enter a number above 0, at most 100.',
  occurredQuestion: 'Did it happen?',
  occurredYes: 'Yes, it happened',
  occurredNo: 'No, it did not',
  occurredShort: 'happened',
  notOccurredShort: 'did not happen',
  reading: (value: string, sigma: string) => `${value} ± ${sigma}`,
  noteEnglish: 'Note in English',
  noteArabic: 'Note in Arabic',
  observationEvidence: 'Evidence',
  priorsHeading: 'Prior odds',
  priorsHint:
    'How likely each scenario seemed before anything was recorded, in %. Left empty, a scenario takes the mean of the others; all are scaled to add up to 100%.',
  priorOf: (name: string) => `Prior odds of ${name}`,
  priorShare: (share: string) => `${share} of the total`,

  // ---- run settings ----
  runHint: 'How many Monte Carlo runs, from which seed, over how many months, and where the bands begin.',
  simulationHeading: 'Simulation',
  runs: 'Monte Carlo runs',
  runsHint: 'From 0 to 200,000. With 0, only the central path is drawn.',
  seed: 'Random seed',
  seedHint: 'The same file, seed and runs give the same numbers everywhere.',
  sampling: 'Sampling',
  samplingRandom: 'Random: each run draws on its own',
  samplingLatin: 'Latin hypercube: each range spread evenly over the runs',
  samplingHint:
    'Latin hypercube covers every range evenly, so fewer runs give steadier figures. The quick estimate then shows the first runs of that design.',
  timeHeading: 'Time',
  horizon: 'Horizon in months',
  horizonHint: 'From 1 to 120. Applied when you leave the field or press Enter.',
  eventsMoved: (n: number, month: string) =>
    n === 1
      ? `1 event after month ${month} moved to month ${month}.`
      : `${n} events after month ${month} moved to month ${month}.`,
  startMonth: 'First month',
  bandsHeading: 'Bands of the index',
  bandsHint: 'Calm below “elevated”; each band begins at its threshold (0–100).',
  elevatedFrom: 'Elevated from',
  highFrom: 'High from',
  crisisFrom: 'Crisis from'
};

/**
 * The shape every language must fill: the keys of the English texts, each a string or a
 * function of the same parameters returning a string.
 */
export type EditorMessages = {
  [K in keyof typeof en]: (typeof en)[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};

const ar: EditorMessages = {
  editorLabel: 'تحرير التحليل',
  tabFactors: 'العوامل',
  tabScenarios: 'السيناريوهات',
  tabInteractions: 'التفاعلات',
  tabEvents: 'الأحداث',
  tabEvidence: 'الأدلة',
  tabObservations: 'المشاهدات',
  tabRun: 'إعدادات التشغيل',

  apply: 'تطبيق',
  cancel: 'إلغاء',
  edit: 'تحرير',
  done: 'تم',
  dismiss: 'إغلاق',
  undo: 'تراجع',
  remove: 'إزالة',
  nameEnglish: 'الاسم بالإنجليزية',
  nameArabic: 'الاسم بالعربية',
  rangeOf: (name: string) => `${name}: نطاق عدم اليقين`,
  shapeOf: (name: string) => `${name}: شكل النطاق`,
  shapeTriangular: 'مثلثي',
  shapePert: 'توزيع PERT',
  lowOf: (name: string) => `${name}، الحد الأدنى`,
  highOf: (name: string) => `${name}، الحد الأعلى`,
  rangeOn: 'نطاق',
  deleted: (what: string) => `حُذف «${what}».`,
  points: (n: string) => `${n} نقطة`,

  errNumber: 'أدخل رقمًا.',
  errRange: (min: string, max: string) => `أدخل رقمًا من ${min} إلى ${max}.`,
  errWhole: (min: string, max: string) => `أدخل عددًا صحيحًا من ${min} إلى ${max}.`,
  errLowAboveMode: (mode: string) => `يجب ألا يتجاوز الحد الأدنى القيمةَ المركزية (${mode}).`,
  errHighBelowMode: (mode: string) => `يجب ألا يقل الحد الأعلى عن القيمة المركزية (${mode}).`,
  reasonZeroWeights:
    'لم يُطبَّق: ستصبح كل أوزان أحد السيناريوهات صفرًا، والمؤشر يحتاج إلى وزن واحد على الأقل أكبر من الصفر.',
  reasonLastFactor: 'يحتاج التحليل إلى عامل واحد على الأقل.',
  reasonLastScenario: 'يحتاج التحليل إلى سيناريو واحد على الأقل.',
  reasonEmptyLabel: 'اكتب اسمًا بالإنجليزية أو بالعربية.',
  reasonTooLong: 'هذا النص أطول مما يتسع له الملف.',
  reasonTooMany: 'لا يتسع الملف لمزيد من هذه العناصر.',
  reasonSelf: 'لا يؤثر العامل في نفسه.',
  reasonCorrelations: 'لا يمكن أن يجتمع هذا الارتباط مع ارتباطات السيناريو الأخرى.',
  reasonObservationsOutside: 'ستقع بعض المشاهدات خارج الخط الزمني: عدّلها أو احذفها أولًا، كي لا يضيع شيء مما سُجّل.',
  reasonMonthOutside: 'اختر شهرًا ضمن الخط الزمني (شهره الأول وأفقه في إعدادات التشغيل).',
  reasonZeroPriors: 'يحتاج سيناريو واحد على الأقل إلى احتمال مسبق أكبر من الصفر.',
  reasonThresholds: 'يجب أن تتصاعد النطاقات: «مرتفع نسبيًا» دون «مرتفع»، و«مرتفع» دون «أزمة».',
  reasonMonth: 'اختر شهرًا.',
  reasonColor: 'اختر لونًا.',
  reasonOther: 'لا يمكن إجراء هذا التغيير.',

  factorsHint: 'مقدار ما يُسهم به كل عامل في المؤشر (الوزن من 0 إلى 10)، والاتجاه الذي يدفع نحوه.',
  columnEvidence: 'الأدلة',
  weightShare: (share: string) => `${share} من المؤشر`,
  weightShareOf: (label: string, share: string) => `${label}: ${share} من المؤشر`,
  weightNote: 'المؤشر T متوسط مرجّح: زيادة وزن عامل تقرّب T من مستوى ذلك العامل نفسه.',
  columnOrder: 'الترتيب والإجراءات',
  addFactor: 'إضافة عامل',
  raisesShort: 'يرفع',
  lowersShort: 'يخفض',
  newFactor: (n: string) => `عامل جديد ${n}`,
  directionOf: (label: string, state: string) => `اتجاه ${label}: ${state}`,
  switchDirection: 'انقر لعكس الاتجاه',
  renameOf: (label: string) => `إعادة تسمية ${label}`,
  clickToRename: 'انقر لإعادة التسمية',
  renameTitle: (label: string) => `إعادة تسمية «${label}»`,
  deleteOf: (label: string) => `حذف ${label}`,
  moveUpOf: (label: string) => `تحريك ${label} إلى الأعلى`,
  moveDownOf: (label: string) => `تحريك ${label} إلى الأسفل`,
  evidenceOf: (label: string, n: string) => `الأدلة على ${label}: ${n}`,
  evidenceFor: (label: string) => `الأدلة على «${label}»`,
  noEvidence: 'لا أدلة مرتبطة بعد.',
  linkEvidenceTo: (label: string) => `ربط دليل بـ${label}`,
  linkEvidencePlaceholder: 'ربط بطاقة…',
  unlinkOf: (card: string, target: string) => `فك ربط ${card} عن ${target}`,
  descriptionOf: (label: string) => `وصف ${label}`,
  descriptionFor: (label: string) => `وصف «${label}»`,
  descriptionEnglish: 'الوصف بالإنجليزية',
  descriptionArabic: 'الوصف بالعربية',

  scenariosHint: 'اختر السيناريو المراد تحريره، وعلّم السيناريوهات التي تقارنها الرسوم (واحدًا على الأقل).',
  scenarioListLabel: 'السيناريو المراد تحريره',
  compare: 'مقارنة',
  compareOf: (name: string) => `مقارنة ${name}`,
  colourOf: (name: string) => `لون ${name}`,
  duplicate: 'نسخ',
  duplicateOf: (name: string) => `نسخ ${name}`,
  addScenario: 'إضافة سيناريو',
  newScenario: (n: string) => `سيناريو ${n}`,
  copyOf: (name: string) => `${name} (نسخة)`,
  notesOf: (name: string) => `ملاحظات حول ${name}`,
  levelsHeading: (name: string) => `كيف يتطور كل عامل في «${name}»`,
  levelsHint:
    'البداية والهدف من 0 إلى 100؛ الوتيرة: نسبة ما يُسد من الفجوة كل شهر (0–1)؛ التقلب: الضجيج الشهري بالنقاط (0–50). اترك وزن السيناريو فارغًا لاستخدام وزن العامل نفسه.',
  columnTarget: 'الهدف',
  columnPace: 'الوتيرة',
  columnVolatility: 'التقلب',
  columnOverride: 'وزن السيناريو',
  startOf: (label: string) => `بداية ${label}`,
  targetOf: (label: string) => `هدف ${label}`,
  paceOf: (label: string) => `وتيرة ${label}`,
  volatilityOf: (label: string) => `تقلب ${label}`,
  overrideOf: (label: string) => `وزن ${label} في هذا السيناريو`,
  correlationsHeading: (name: string) => `تقديرات تتحرك معًا في «${name}»`,
  correlationsHint:
    'نطاقان في هذا السيناريو تجري سحباتهما معًا: مع ارتباط رتبي قدره 0.6 تأتي القيمة العالية لأحدهما في الغالب مع قيمة عالية للآخر (ومع −0.6 مع قيمة منخفضة). ويحتفظ كل نطاق بتوزيعه.',
  inputWeightOf: (label: string) => `وزن ${label}`,
  correlationOf: (a: string, b: string) => `الارتباط الرتبي بين ${a} و${b}`,
  removeCorrelationOf: (a: string, b: string) => `إزالة الارتباط بين ${a} و${b}`,
  correlationFirst: 'النطاق الأول',
  correlationSecond: 'النطاق الثاني',
  addCorrelation: 'إضافة ارتباط',
  noCorrelations: 'لا ارتباطات: تُسحب نطاقات هذا السيناريو مستقلةً.',
  noRangesToCorrelate: 'أعطِ مدخلَين من هذا السيناريو نطاقًا (±) لتربط بينهما.',
  overridePlaceholder: (base: string) => `(${base})`,

  interactionsHint:
    'الدفع الشهري لعامل (الصف) على عامل آخر (العمود)، من −1 إلى 1: البرتقالي يرفع العامل الآخر، والأزرق يخفضه.',
  showAs: 'طريقة العرض',
  viewMatrix: 'مصفوفة',
  viewList: 'قائمة',
  matrixCorner: 'من ↓ · في ←',
  matrixLabel: 'التفاعلات: الصفوف تؤثر في الأعمدة',
  cellName: (from: string, to: string, value: string) => `أثر ${from} في ${to}: ${value}`,
  cellNone: 'لا شيء',
  cellSelf: (label: string) => `أثر ${label} في نفسه: غير مسموح`,
  cellHint: 'اضغط Enter أو انقر خلية لتحريرها؛ تنقل مفاتيح الأسهم بين الخلايا؛ القيمة الفارغة أو الصفر تزيل الأثر.',
  strengthOf: (from: string, to: string) => `قوة أثر ${from} في ${to}`,
  legendLowers: 'يخفض',
  legendRaises: 'يرفع',
  columnFrom: 'من',
  columnTo: 'في',
  columnStrength: 'القوة',
  noInteractions: 'لا تفاعلات بعد.',
  addInteraction: 'إضافة أثر',
  removeInteractionOf: (from: string, to: string) => `إزالة أثر ${from} في ${to}`,
  interactionName: (from: string, to: string) => `${from} ← ${to}`,
  newInteractionFrom: 'أثر جديد من',
  newInteractionTo: 'أثر جديد في',
  newInteractionStrength: 'قوة الأثر الجديد',

  eventsHint:
    'تغير في أحد العوامل في شهر محدد، مع احتمال وقوعه: لمرة واحدة (قفزة تتلاشى) أو دائم (ينقل هدف العامل)، وإن شئت فلا يقع إلا إذا وقع حدث سابق أو لم يقع. اسحب علامة، أو اخترها واستخدم مفاتيح الأسهم، لتحريكها.',
  scenarioPicker: 'السيناريو',
  timelineOf: (name: string) => `الخط الزمني: ${name}`,
  monthN: (n: string) => `الشهر ${n}`,
  markerName: (label: string, month: string, when: string, factor: string, shift: string, probability: string) =>
    `${label}: الشهر ${month} (${when})، ${factor} ${shift} نقطة، باحتمال ${probability}`,
  markerHint: 'تنقل مفاتيح الأسهم الحدث شهرًا، ومفتاحا Home وEnd إلى الشهر الأول والأخير.',
  markerMoved: (label: string, month: string, when: string) => `نُقل ${label} إلى الشهر ${month} (${when}).`,
  columnMonth: 'الشهر',
  columnShift: 'التغير',
  columnProbability: 'الاحتمال',
  columnLabel: 'الوصف',
  columnLabelEn: 'الوصف (بالإنجليزية)',
  columnLabelAr: 'الوصف (بالعربية)',
  eventMonthOf: (label: string) => `شهر ${label}`,
  eventFactorOf: (label: string) => `عامل ${label}`,
  eventShiftOf: (label: string) => `تغير ${label}`,
  eventProbabilityOf: (label: string) => `احتمال ${label}`,
  eventLabelEnOf: (label: string) => `وصف ${label} بالإنجليزية`,
  eventLabelArOf: (label: string) => `وصف ${label} بالعربية`,
  addEvent: 'إضافة حدث',
  newEvent: 'حدث جديد',
  noEvents: 'لا أحداث في هذا السيناريو بعد.',
  deleteEventOf: (label: string) => `حذف الحدث ${label}`,
  copyEventOf: (label: string) => `نسخ ${label} إلى سيناريوهات أخرى`,
  copyEventTo: (label: string) => `نسخ «${label}» إلى`,
  copyEventApply: 'نسخ',
  eventCopied: (label: string, n: number) =>
    n === 1 ? `نُسخ «${label}» إلى سيناريو واحد.` : `نُسخ «${label}» إلى سيناريوهات عددها ${n}.`,
  eventKindOf: (label: string) => `مدة أثر ${label}`,
  eventKindPulse: 'لمرة واحدة: قفزة تتلاشى',
  eventKindTarget: 'دائم: ينقل الهدف',
  eventConditionOf: (label: string) => `متى يمكن أن يقع ${label}`,
  eventConditionNone: 'أيًّا كان ما يقع غيره',
  eventConditionIf: (other: string) => `فقط إذا وقع «${other}»`,
  eventConditionIfNot: (other: string) => `فقط إذا لم يقع «${other}»`,
  eventConditionProbability: (probability: string) => `${probability} إجمالًا`,

  evidenceHint: 'اقتباسات من المصادر، يرتبط كل منها بالعوامل والتفاعلات التي يدعمها.',
  addEvidence: 'إضافة بطاقة',
  cardName: (id: string) => `البطاقة ${id}`,
  quote: 'الاقتباس (بالعربية)',
  gist: 'الخلاصة (بالإنجليزية)',
  source: 'المصدر',
  note: 'ملاحظة',
  noQuote: 'لا اقتباس بعد.',
  linkedFactors: 'العوامل',
  linkedInteractions: 'التفاعلات',
  notLinked: 'لا شيء بعد.',
  linkFactorOf: (card: string) => `ربط ${card} بعامل`,
  linkInteractionOf: (card: string) => `ربط ${card} بتفاعل`,
  linkFactorPlaceholder: 'ربط بعامل…',
  linkInteractionPlaceholder: 'ربط بتفاعل…',
  linkMore: 'ربط…',
  doneLinking: 'إنهاء الربط',
  editOf: (card: string) => `تحرير ${card}`,
  doneOf: (card: string) => `إنهاء تحرير ${card}`,

  observationsHint:
    'ما جرى منذ ذلك الحين: قراءات للمؤشر أو لأحد العوامل، وهل وقعت الأحداث أم لا. يَزِن التطبيق عمليات كل سيناريو بمدى اتفاقها مع ما سُجِّل.',
  addObservation: 'إضافة مشاهدة',
  noObservations: 'لم يُسجَّل شيء بعد.',
  observationsList: 'المشاهدات المسجّلة',
  observationName: (what: string, month: string) => `${what}، ${month}`,
  observationMonth: 'الشهر',
  observationKind: 'النوع',
  kindIndex: 'قراءة للمؤشر',
  kindFactor: 'قراءة لعامل',
  kindEvent: 'نتيجة حدث',
  tensionIndex: 'مؤشر التوتر',
  observedFactor: 'العامل',
  observedEvent: 'الحدث',
  observedValue: 'القيمة (0–100)',
  observedUncertainty: 'عدم اليقين ± σ',
  errUncertainty: 'أدخل رقمًا أكبر من 0 لا يتجاوز 100.',
  occurredQuestion: 'هل وقع؟',
  occurredYes: 'نعم، وقع',
  occurredNo: 'لا، لم يقع',
  occurredShort: 'وقع',
  notOccurredShort: 'لم يقع',
  reading: (value: string, sigma: string) => `${value} ± ${sigma}`,
  noteEnglish: 'الملاحظة بالإنجليزية',
  noteArabic: 'الملاحظة بالعربية',
  observationEvidence: 'الأدلة',
  priorsHeading: 'الاحتمالات المسبقة',
  priorsHint:
    'مدى ترجيح كل سيناريو قبل تسجيل أي شيء، بالنسبة المئوية. إن تُرك فارغًا أخذ السيناريو متوسط الآخرين؛ وتُعدَّل كلها ليبلغ مجموعها 100٪.',
  priorOf: (name: string) => `الاحتمال المسبق: ${name}`,
  priorShare: (share: string) => `${share} من المجموع`,

  runHint: 'عدد عمليات مونت كارلو، والبذرة التي تبدأ منها، وعدد الأشهر، وحدود نطاقات المؤشر.',
  simulationHeading: 'المحاكاة',
  runs: 'عدد عمليات مونت كارلو',
  runsHint: 'من 0 إلى 200٬000. مع 0 يُرسم المسار المركزي وحده.',
  seed: 'البذرة العشوائية',
  seedHint: 'الملف نفسه مع البذرة وعدد العمليات نفسيهما يعطي الأرقام نفسها في كل مكان.',
  sampling: 'طريقة السحب',
  samplingRandom: 'عشوائي: كل عملية تسحب وحدها',
  samplingLatin: 'المكعب اللاتيني الفائق: يتوزع كل نطاق بالتساوي على العمليات',
  samplingHint:
    'يغطي المكعب اللاتيني الفائق كل نطاق بالتساوي، فتعطي عمليات أقل أرقامًا أثبت. ويعرض التقدير السريع عندئذ أولى عمليات هذا التصميم.',
  timeHeading: 'الزمن',
  horizon: 'الأفق بالأشهر',
  horizonHint: 'من 1 إلى 120. يُطبَّق عند مغادرة الحقل أو الضغط على Enter.',
  eventsMoved: (n: number, month: string) =>
    n === 1
      ? `نُقل حدث واحد بعد الشهر ${month} إلى الشهر ${month}.`
      : `نُقلت أحداث بعد الشهر ${month} إلى الشهر ${month}: ${n}.`,
  startMonth: 'الشهر الأول',
  bandsHeading: 'نطاقات المؤشر',
  bandsHint: 'هدوء دون «مرتفع نسبيًا»؛ يبدأ كل نطاق عند عتبته (0–100).',
  elevatedFrom: 'مرتفع نسبيًا ابتداءً من',
  highFrom: 'مرتفع ابتداءً من',
  crisisFrom: 'أزمة ابتداءً من'
};

const MESSAGES: Record<Language, EditorMessages> = { en, ar };

export function editorMessages(language: Language): EditorMessages {
  return MESSAGES[language];
}

/**
 * A new name in the language it is made in, the other side left empty: it shows this text
 * there too, marked as needing translation, until someone types it (src/engine/labels.ts).
 */
export function nameIn(language: Language, pick: (m: EditorMessages) => string): LocalizedLabel {
  const label = { en: '', ar: '' };
  label[language] = pick(MESSAGES[language]);
  return label;
}

/**
 * The name of a copy ("Baseline (copy)", "الأساسي (نسخة)"), made from the name as it shows in
 * `language` and in the language of that text only: the other side's old name would no longer
 * be a translation once the copy is renamed.
 */
export function copyLabel(label: LocalizedLabel, language: Language): LocalizedLabel {
  const shown = showLabel(label, language);
  return nameIn(shown.language, (m) => m.copyOf(shown.text).slice(0, LIMITS.labelChars));
}

/** The keys of the texts that take no parameters. */
type TextKey = { [K in keyof EditorMessages]: EditorMessages[K] extends string ? K : never }[keyof EditorMessages];

/**
 * The words for each reason an edit can be refused: the type requires an entry for every
 * EditError, so a new reason in the engine's edits does not build until it has its text (in
 * both languages, since `ar` must have every key of `en`). The reasons a person cannot cause
 * from the editor (an id the editor chose, an edit of something just deleted) share the general text.
 */
const REASON_TEXTS: Record<EditError, TextKey> = {
  'no-document': 'reasonOther',
  'not-found': 'reasonOther',
  'not-number': 'errNumber',
  'out-of-range': 'reasonOther',
  'not-whole': 'reasonOther',
  'range-order': 'reasonOther',
  'empty-label': 'reasonEmptyLabel',
  'too-long': 'reasonTooLong',
  'last-factor': 'reasonLastFactor',
  'last-scenario': 'reasonLastScenario',
  'zero-weights': 'reasonZeroWeights',
  'self-interaction': 'reasonSelf',
  'too-many': 'reasonTooMany',
  'duplicate-id': 'reasonOther',
  'bad-id': 'reasonOther',
  'bad-color': 'reasonColor',
  'bad-month': 'reasonMonth',
  'threshold-order': 'reasonThresholds',
  'correlation-conflict': 'reasonCorrelations',
  'observations-outside': 'reasonObservationsOutside',
  'month-outside': 'reasonMonthOutside',
  'zero-priors': 'reasonZeroPriors',
  invalid: 'reasonOther'
};

/** Every reason an edit can be refused (the keys of REASON_TEXTS, which the type makes all of EditError). */
export const EDIT_ERRORS = Object.keys(REASON_TEXTS) as EditError[];

/** Why an edit was refused, for people. */
export function reasonText(m: EditorMessages, reason: EditError): string {
  return m[REASON_TEXTS[reason]];
}
