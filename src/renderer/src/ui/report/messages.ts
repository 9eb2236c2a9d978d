// Texts of the report view that the report's data (src/presentation/report/strings.ts) does not
// carry: the progress note on screen and the model section's heading. `en` is the reference;
// `ar` has the same keys.
import type { Language } from '../../../../engine/format';

export const en = {
  preparing: 'Preparing the report…',
  modelHeading: 'How the model works'
};

export type ReportMessages = typeof en;

export const ar: ReportMessages = {
  preparing: 'جارٍ إعداد التقرير…',
  modelHeading: 'كيف يعمل النموذج'
};

export function reportMessages(language: Language): ReportMessages {
  return language === 'ar' ? ar : en;
}
