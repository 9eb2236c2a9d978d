// The one wording of "this file is over the size cap", for every place that checks the cap
// (loadDocument, the app's main process, the command line, the web version). A size is worded
// in MB, or in bytes where MB would round down to the cap ("10.0 MB" of a 10 MB cap says
// nothing); a caller that knows the size only roughly passes its own words.
import { LIMITS } from './limits';
import type { Language } from './schema';

const MB = 1024 * 1024;

/** The size cap in MB, as the messages say it. */
export const MAX_FILE_MB = LIMITS.fileBytes / MB;

/** A size in MB with one decimal: "12.0 MB". */
// Stryker disable next-line StringLiteral: only 'ar' is told apart, so any other default words it in English
export function inMegabytes(bytes: number, language: Language = 'en'): string {
  const mb = (bytes / MB).toFixed(1);
  return language === 'ar' ? `${mb} ميغابايت` : `${mb} MB`;
}

/** A size over the cap as precisely as it needs: "12.0 MB", or "10,485,761 bytes" near the cap. */
// Stryker disable next-line StringLiteral: only 'ar' is told apart, so any other default words it in English
export function sizeOverCap(bytes: number, language: Language = 'en'): string {
  if (Number((bytes / MB).toFixed(1)) > MAX_FILE_MB) return inMegabytes(bytes, language);
  const grouped = String(bytes).replace(/\B(?=(\d{3})+$)/g, ',');
  return language === 'ar' ? `${grouped} بايت` : `${grouped} bytes`;
}

/**
 * Why a file over the cap is not opened, as a phrase that follows the file's name:
 * "is too large (12.0 MB; Mizan opens files of at most 10 MB)". `size` is the size in bytes
 * (worded by sizeOverCap) or the caller's own words for it.
 */
// Stryker disable next-line StringLiteral: only 'ar' is told apart, so any other default words it in English
export function fileTooLarge(size: number | string, language: Language = 'en'): string {
  const worded = typeof size === 'number' ? sizeOverCap(size, language) : size;
  return language === 'ar'
    ? `الملف كبير جدًا (${worded}؛ يفتح ميزان ملفات لا تتجاوز ${MAX_FILE_MB} ميغابايت)`
    : `is too large (${worded}; Mizan opens files of at most ${MAX_FILE_MB} MB)`;
}
