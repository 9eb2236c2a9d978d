// The options of the native dialogs main shows, as plain objects (index.ts passes them to
// Electron's dialog module; tests read them).
import type { MessageBoxOptions, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { Language } from '../engine/format';
import type { ExportKind } from '../contract/bridge';
import { plain, strings } from './i18n';

export const EXPORT_FILTERS: Record<ExportKind, { extension: string; en: string; ar: string }> = {
  png: { extension: 'png', en: 'PNG image', ar: 'صورة PNG' },
  svg: { extension: 'svg', en: 'SVG image', ar: 'صورة SVG' },
  csv: { extension: 'csv', en: 'CSV data', ar: 'بيانات CSV' },
  pdf: { extension: 'pdf', en: 'PDF document', ar: 'مستند PDF' }
};

export function openDialogOptions(language: Language, defaultPath?: string): OpenDialogOptions {
  const t = strings(language);
  return {
    title: t.openTitle,
    ...(defaultPath ? { defaultPath } : {}),
    properties: ['openFile'],
    filters: [
      { name: t.scenarioFilter, extensions: ['mizan'] },
      { name: t.allFiles, extensions: ['*'] }
    ]
  };
}

export function saveDialogOptions(language: Language, defaultPath: string): SaveDialogOptions {
  const t = strings(language);
  return {
    title: t.saveTitle,
    defaultPath,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
    filters: [{ name: t.scenarioFilter, extensions: ['mizan'] }]
  };
}

export function exportDialogOptions(language: Language, kind: ExportKind, defaultPath: string): SaveDialogOptions {
  const filter = EXPORT_FILTERS[kind];
  return {
    title: strings(language).exportTitle,
    defaultPath,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
    filters: [{ name: filter[language], extensions: [filter.extension] }]
  };
}

/** Buttons in this order: Save, Don't Save, Cancel. */
export const CLOSE_ANSWERS = ['save', 'discard', 'cancel'] as const;

export function closePromptOptions(language: Language, title: string): MessageBoxOptions {
  const t = strings(language);
  return {
    type: 'warning',
    message: t.closePrompt(title || t.untitled),
    detail: t.closeDetail,
    buttons: [plain(t.save), t.dontSave, t.cancel],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
    normalizeAccessKeys: true
  };
}

export function closeAnswer(response: number): (typeof CLOSE_ANSWERS)[number] {
  return CLOSE_ANSWERS[response] ?? 'cancel';
}

export function openFailedOptions(language: Language, message: string): MessageBoxOptions {
  const [first, ...rest] = message.split('\n');
  return {
    type: 'error',
    title: strings(language).openFailedTitle,
    message: first,
    detail: rest.join('\n'),
    buttons: [strings(language).ok],
    noLink: true
  };
}
