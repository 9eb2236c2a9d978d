// The document that New starts from, named in the interface language (the engine builds it).
import { makeBlankDocument, type MizanDoc, type Language } from '../../../engine/format';
import { messagesFor } from '../i18n';

export function blankDocument(language: Language, now: Date = new Date()): MizanDoc {
  const en = messagesFor('en');
  const ar = messagesFor('ar');
  return makeBlankDocument(
    {
      title: messagesFor(language).untitledAnalysis,
      factor: { en: en.blankFactor, ar: ar.blankFactor },
      scenario: { en: en.blankScenario, ar: ar.blankScenario }
    },
    now
  );
}
