// The words of the import of factors from a spreadsheet (ImportFactors.svelte), in English and
// Arabic: `ar` must have exactly the keys of `en` with the same parameters, or the build fails
// (as in ./messages.ts). Every problem of engine/factorImport.ts and every reason a file cannot
// be read has its words here; the types require them.
import { BOUNDS, LIMITS, type Language } from '../../../../engine/format';
import { isolate } from '../../i18n';
import { fmt } from './util';
import type { ImportProblem, ImportReason } from '../../../../engine/factorImport';
import type { SheetReadFailure } from '../../import/spreadsheet';

const en = {
  importButton: 'Import from spreadsheet…',
  importHint:
    'A CSV or .xlsx file with the columns id, label_en, label_ar, direction, weight, and optionally low and high.',
  previewTitle: (file: string) => `Import factors from “${file}”`,
  previewIntro:
    'Nothing has changed yet. A row whose id is already a factor updates that factor (names, direction, weight); the other rows add factors. Rows with problems are left out.',
  summary: (added: string, changed: string, unchanged: string, problems: string) =>
    `${added} new · ${changed} changed · ${unchanged} unchanged · ${problems} problems`,
  addedHeading: 'New factors',
  changedHeading: 'Changed factors',
  problemsHeading: 'Problems',
  columnRow: 'Row',
  columnId: 'Id',
  columnNames: 'Names',
  columnDirection: 'Direction',
  columnWeight: 'Weight',
  columnChange: 'Change',
  /** From the value before to the one after, pointing the way the line reads. */
  changeArrow: '→',
  raises: 'raises',
  lowers: 'lowers',
  nothingToImport: 'Nothing to import: fix the rows named above in the spreadsheet and import it again.',
  applyImport: (n: string) => `Import ${n} factors`,
  imported: (added: string, changed: string) => `Imported: ${added} new, ${changed} changed factors.`,
  readFailedTitle: (file: string) => `“${file}” cannot be imported`,
  close: 'Close',
  /** Where a problem is: `column` is the header's name as the sheet has it. */
  at: (row: string, column: string | null) => (column === null ? `Row ${row}` : `Row ${row}, column ${column}`),
  found: (text: string) => ` (found “${text}”)`
};

export type ImportMessages = {
  [K in keyof typeof en]: (typeof en)[K] extends string ? string : (typeof en)[K];
};

const ar: ImportMessages = {
  importButton: 'استيراد من جدول بيانات…',
  importHint: 'ملف CSV أو ‎.xlsx‎ فيه الأعمدة id وlabel_en وlabel_ar وdirection وweight، واختياريًا low وhigh.',
  previewTitle: (file: string) => `استيراد العوامل من «${file}»`,
  previewIntro:
    'لم يتغيّر شيء بعد. الصف الذي يحمل معرّف عامل موجود يحدّث ذلك العامل (الاسمان والاتجاه والوزن)، وبقية الصفوف تضيف عوامل جديدة. الصفوف التي فيها مشكلات تُترك.',
  summary: (added: string, changed: string, unchanged: string, problems: string) =>
    `جديدة: ${added} · معدّلة: ${changed} · دون تغيير: ${unchanged} · مشكلات: ${problems}`,
  addedHeading: 'عوامل جديدة',
  changedHeading: 'عوامل معدّلة',
  problemsHeading: 'المشكلات',
  columnRow: 'الصف',
  columnId: 'المعرّف',
  columnNames: 'الاسمان',
  columnDirection: 'الاتجاه',
  columnWeight: 'الوزن',
  columnChange: 'التغيير',
  changeArrow: '←',
  raises: 'يرفع',
  lowers: 'يخفض',
  nothingToImport: 'لا شيء للاستيراد: صحّح الصفوف المذكورة أعلاه في جدول البيانات ثم استورده من جديد.',
  applyImport: (n: string) => `استيراد العوامل (${n})`,
  imported: (added: string, changed: string) => `تم الاستيراد: عوامل جديدة ${added}، ومعدّلة ${changed}.`,
  readFailedTitle: (file: string) => `تعذّر استيراد «${file}»`,
  close: 'إغلاق',
  at: (row: string, column: string | null) => (column === null ? `الصف ${row}` : `الصف ${row}، العمود ${column}`),
  found: (text: string) => ` (القيمة الموجودة «${text}»)`
};

const WEIGHT = BOUNDS.weight;
const MEGABYTES = LIMITS.fileBytes / (1024 * 1024);

/** Words for every problem of the planner and every reason a file cannot be read (the type requires them all). */
type ReasonWords = Record<ImportReason | SheetReadFailure, string>;

const REASONS_EN: ReasonWords = {
  'empty-sheet': 'the sheet is empty.',
  'missing-column': 'this column is missing from the first row.',
  'repeated-column': 'this column appears twice in the first row.',
  'no-rows': 'there are no rows below the first one.',
  'bad-id': 'an id starts with a letter and uses only letters, digits, “_” and “-” (at most 64).',
  'repeated-id': 'this id is on an earlier row already.',
  'no-label': 'give a name in label_en or label_ar.',
  'too-long': `this name is longer than ${LIMITS.labelChars} characters.`,
  'bad-direction': 'must be +1 (raises tension) or −1 (lowers it).',
  'not-number': `must be a number from ${WEIGHT.min} to ${WEIGHT.max}.`,
  'out-of-range': `must be a number from ${WEIGHT.min} to ${WEIGHT.max}.`,
  'low-above-weight': 'must not be above the weight.',
  'high-below-weight': 'must not be below the weight.',
  'half-range': 'give both low and high, or neither.',
  'too-many': `the analysis holds at most ${LIMITS.factors} factors.`,

  unsupported: 'Choose a CSV file (.csv, .tsv, .txt) or an Excel workbook (.xlsx).',
  unreadable: 'The file could not be read as an Excel workbook; it may be damaged.',
  'not-utf8': 'The file is not UTF-8 text. In Excel, save it as “CSV UTF-8”.',
  'too-big': `The file is larger than ${MEGABYTES} MB.`
};

const REASONS_AR: ReasonWords = {
  'empty-sheet': 'الورقة فارغة.',
  'missing-column': 'هذا العمود غير موجود في الصف الأول.',
  'repeated-column': 'هذا العمود مكرّر في الصف الأول.',
  'no-rows': 'لا صفوف تحت الصف الأول.',
  'bad-id': 'يبدأ المعرّف بحرف لاتيني ولا يضم إلا الحروف اللاتينية والأرقام و«_» و«-» (64 محرفًا على الأكثر).',
  'repeated-id': 'هذا المعرّف موجود في صف سابق.',
  'no-label': 'أعطِ اسمًا في label_en أو label_ar.',
  'too-long': `هذا الاسم أطول من ${LIMITS.labelChars} محرف.`,
  'bad-direction': 'يجب أن يكون ‎+1‎ (يرفع التوتر) أو ‎−1‎ (يخفضه).',
  'not-number': `يجب أن يكون رقمًا من ${WEIGHT.min} إلى ${WEIGHT.max}.`,
  'out-of-range': `يجب أن يكون رقمًا من ${WEIGHT.min} إلى ${WEIGHT.max}.`,
  'low-above-weight': 'يجب ألا يزيد على الوزن.',
  'high-below-weight': 'يجب ألا يقل عن الوزن.',
  'half-range': 'أعطِ low وhigh معًا أو اتركهما كليهما.',
  'too-many': `يتسع التحليل لـ${LIMITS.factors} عاملًا على الأكثر.`,

  unsupported: 'اختر ملف CSV (‎.csv‎ أو ‎.tsv‎ أو ‎.txt‎) أو مصنّف Excel (‎.xlsx‎).',
  unreadable: 'تعذّرت قراءة الملف مصنّفًا من Excel؛ ربما كان تالفًا.',
  'not-utf8': 'الملف ليس نصًا بترميز UTF-8. في Excel احفظه بصيغة «CSV UTF-8».',
  'too-big': `حجم الملف أكبر من ${MEGABYTES} ميغابايت.`
};

const MESSAGES: Record<Language, ImportMessages> = { en, ar };
const REASONS: Record<Language, ReasonWords> = { en: REASONS_EN, ar: REASONS_AR };

/** Why a file cannot be read, for people. */
export function readFailureText(language: Language, reason: SheetReadFailure): string {
  return REASONS[language][reason];
}

export function importMessages(language: Language): ImportMessages {
  return MESSAGES[language];
}

/**
 * A problem for people: "Row 4, column weight: must be a number from 0 to 10 (found “12”)."
 * The column's name and the cell's text are isolated: they may run the other way from the sentence.
 */
export function problemText(language: Language, problem: ImportProblem): string {
  const m = MESSAGES[language];
  const where = m.at(fmt(language, problem.row), problem.column === null ? null : isolate(problem.column));
  const found = problem.found !== undefined && problem.found !== '' ? m.found(isolate(problem.found)) : '';
  const text = REASONS[language][problem.reason];
  // "…: must be a number from 0 to 10 (found “12”)." — the detail goes before the final stop.
  return `${where}: ${text.replace(/\.$/, '')}${found}.`;
}
