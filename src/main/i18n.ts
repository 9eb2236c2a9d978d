// The words main shows itself — the native menu and dialogs — in English and Arabic.
import type { Language } from '../engine/format';
import type { ExportKind } from '../contract/bridge';

export interface MainStrings {
  appName: string;
  file: string;
  new: string;
  newWindow: string;
  open: string;
  openRecent: string;
  noRecent: string;
  clearRecent: string;
  save: string;
  saveAs: string;
  export: string;
  exportKinds: Record<ExportKind, string>;
  copyChartImage: string;
  /** The report could not be printed to PDF (the reason follows). */
  reportFailed: (reason: string) => string;
  clipboardFailed: (reason: string) => string;
  close: string;
  quit: string;
  /** macOS: the app menu's Quit item. */
  quitApp: string;
  edit: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  view: string;
  language: string;
  theme: string;
  themeSystem: string;
  themeLight: string;
  themeDark: string;
  actualSize: string;
  zoomIn: string;
  zoomOut: string;
  fullScreen: string;
  reload: string;
  devTools: string;
  window: string;
  minimize: string;
  help: string;
  howModelWorks: string;
  about: string;
  services: string;
  hide: string;
  hideOthers: string;
  showAll: string;
  // Dialogs
  openTitle: string;
  saveTitle: string;
  exportTitle: string;
  scenarioFilter: string;
  allFiles: string;
  closePrompt: (title: string) => string;
  closeDetail: string;
  dontSave: string;
  cancel: string;
  ok: string;
  openFailedTitle: string;
  untitled: string;
  onlyMizanFiles: (name: string) => string;
  /** Under the reason, when the last file could not be reopened at start. */
  reopenFailedDetail: string;
  aboutCopyright: string;
}

const en: MainStrings = {
  appName: 'Mizan',
  file: '&File',
  new: '&New',
  newWindow: 'New &Window',
  open: '&Open…',
  openRecent: 'Open &Recent',
  noRecent: 'No Recent Files',
  clearRecent: 'Clear Recent',
  save: '&Save',
  saveAs: 'Save &As…',
  export: '&Export',
  exportKinds: { png: 'Chart as PNG Image…', svg: 'Chart as SVG Image…', csv: 'Data as CSV…', pdf: 'Report as PDF…' },
  copyChartImage: 'Copy Chart Image',
  reportFailed: (reason) => `The report could not be made into a PDF: ${reason}`,
  clipboardFailed: (reason) => `The image could not be put on the clipboard: ${reason}`,
  close: '&Close',
  quit: 'E&xit',
  quitApp: 'Quit Mizan',
  edit: '&Edit',
  undo: '&Undo',
  redo: '&Redo',
  cut: 'Cu&t',
  copy: '&Copy',
  paste: '&Paste',
  selectAll: 'Select &All',
  view: '&View',
  language: '&Language',
  theme: '&Theme',
  themeSystem: 'System',
  themeLight: 'Light',
  themeDark: 'Dark',
  actualSize: 'Actual Size',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  fullScreen: 'Toggle Full Screen',
  reload: 'Reload',
  devTools: 'Toggle Developer Tools',
  window: '&Window',
  minimize: 'Minimize',
  help: '&Help',
  howModelWorks: 'How the Model Works',
  about: 'About Mizan',
  services: 'Services',
  hide: 'Hide Mizan',
  hideOthers: 'Hide Others',
  showAll: 'Show All',
  openTitle: 'Open Scenario',
  saveTitle: 'Save Scenario',
  exportTitle: 'Export',
  scenarioFilter: 'Mizan scenario',
  allFiles: 'All files',
  closePrompt: (title) => `Do you want to save the changes you made to “${title}”?`,
  closeDetail: 'Your changes will be lost if you don’t save them.',
  dontSave: 'Do&n’t Save',
  cancel: 'Cancel',
  ok: 'OK',
  openFailedTitle: 'Mizan could not open the file',
  untitled: 'Untitled',
  onlyMizanFiles: (name) => `Mizan opens .mizan scenario files; “${name}” is not one.`,
  reopenFailedDetail: 'Mizan reopens the last file at start; this time the sample analysis is open instead. The file was not changed.',
  aboutCopyright: 'An offline lab for regional-tension scenario analysis.'
};

const ar: MainStrings = {
  appName: 'ميزان',
  file: 'ملف',
  new: 'جديد',
  newWindow: 'نافذة جديدة',
  open: 'فتح…',
  openRecent: 'فتح ملف حديث',
  noRecent: 'لا توجد ملفات حديثة',
  clearRecent: 'مسح القائمة',
  save: 'حفظ',
  saveAs: 'حفظ باسم…',
  export: 'تصدير',
  exportKinds: { png: 'الرسم صورةً PNG…', svg: 'الرسم صورةً SVG…', csv: 'البيانات ملفَّ CSV…', pdf: 'التقرير ملفَّ PDF…' },
  copyChartImage: 'نسخ صورة الرسم',
  reportFailed: (reason) => `تعذّر تحويل التقرير إلى PDF: ${reason}`,
  clipboardFailed: (reason) => `تعذّر وضع الصورة في الحافظة: ${reason}`,
  close: 'إغلاق',
  quit: 'خروج',
  quitApp: 'إنهاء ميزان',
  edit: 'تحرير',
  undo: 'تراجع',
  redo: 'إعادة',
  cut: 'قص',
  copy: 'نسخ',
  paste: 'لصق',
  selectAll: 'تحديد الكل',
  view: 'عرض',
  language: 'اللغة',
  theme: 'المظهر',
  themeSystem: 'حسب النظام',
  themeLight: 'فاتح',
  themeDark: 'داكن',
  actualSize: 'الحجم الفعلي',
  zoomIn: 'تكبير',
  zoomOut: 'تصغير',
  fullScreen: 'ملء الشاشة',
  reload: 'إعادة التحميل',
  devTools: 'أدوات المطوّر',
  window: 'نافذة',
  minimize: 'تصغير النافذة',
  help: 'مساعدة',
  howModelWorks: 'كيف يعمل النموذج',
  about: 'حول ميزان',
  services: 'الخدمات',
  hide: 'إخفاء ميزان',
  hideOthers: 'إخفاء الآخرين',
  showAll: 'إظهار الكل',
  openTitle: 'فتح سيناريو',
  saveTitle: 'حفظ السيناريو',
  exportTitle: 'تصدير',
  scenarioFilter: 'سيناريو ميزان',
  allFiles: 'كل الملفات',
  closePrompt: (title) => `هل تريد حفظ التغييرات التي أجريتها على «${title}»؟`,
  closeDetail: 'ستضيع تغييراتك إن لم تحفظها.',
  dontSave: 'عدم الحفظ',
  cancel: 'إلغاء',
  ok: 'حسنًا',
  openFailedTitle: 'تعذّر على ميزان فتح الملف',
  untitled: 'بلا عنوان',
  onlyMizanFiles: (name) => `يفتح ميزان ملفات السيناريو ‎.mizan‎ فقط، و«${name}» ليس منها.`,
  reopenFailedDetail: 'يعيد ميزان فتح آخر ملف عند البدء؛ وهذه المرة فُتح التحليل النموذجي بدلًا منه. لم يُغيَّر الملف.',
  aboutCopyright: 'مختبر دون اتصال لتحليل سيناريوهات التوتر الإقليمي.'
};

export const STRINGS: Record<Language, MainStrings> = { en, ar };

export function strings(language: Language): MainStrings {
  return STRINGS[language] ?? en;
}

/** The label without its "&" mnemonic marker (for dialogs and tests). */
export function plain(label: string): string {
  return label.replace(/&(?=\S)/g, '');
}
