// The document that New starts from, named in the interface language only (the engine builds
// it): the other language shows those names, marked as needing translation (src/engine/labels.ts).
// Its title is empty, not "Untitled analysis": a title has one language, and a stored placeholder
// would stay English on the Arabic screen. Every reader shows "untitled" in its own language.
import { makeBlankDocument, type LocalizedLabel, type MizanDoc, type Language } from '../../../engine/format';
import { messagesFor } from '../i18n';

export function blankDocument(language: Language, now: Date = new Date()): MizanDoc {
  const t = messagesFor(language);
  const inLanguage = (text: string) => ({ en: '', ar: '', [language]: text }) as LocalizedLabel;
  return makeBlankDocument(
    {
      title: '',
      factor: inLanguage(t.blankFactor),
      scenario: inLanguage(t.blankScenario)
    },
    now
  );
}
