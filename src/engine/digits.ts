// Digits as typed or pasted by Arabic and Persian writers: Arabic-Indic (٠–٩) and extended
// Arabic-Indic (۰–۹) read as 0–9, for the editor's fields, the spreadsheet import and ids.

const EASTERN_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;

/** The text with Arabic-Indic and extended Arabic-Indic digits replaced by 0–9. */
export function westernDigits(text: string): string {
  // Both blocks start their digits at a code point ending in 0 (U+0660, U+06F0).
  return text.replace(EASTERN_DIGITS, (d) => String(d.charCodeAt(0) & 0xf));
}
