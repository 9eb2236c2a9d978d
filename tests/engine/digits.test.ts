// westernDigits: the one reading of Arabic-Indic digits shared by the editor's fields, the
// spreadsheet import and ids made from names.
import { describe, expect, it } from 'vitest';
import { westernDigits } from '../../src/engine/digits';

describe('westernDigits', () => {
  it('reads each Arabic-Indic and extended Arabic-Indic digit as its 0–9', () => {
    expect(westernDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(westernDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
  });

  it('leaves every other character as it is, the Arabic decimal separator included', () => {
    expect(westernDigits('٦٫٥ من ١٠, x9')).toBe('6٫5 من 10, x9');
    // The characters just outside both digit blocks are not digits.
    expect(westernDigits('\u065f\u066a\u06ef\u06fa')).toBe('\u065f\u066a\u06ef\u06fa');
  });
});
