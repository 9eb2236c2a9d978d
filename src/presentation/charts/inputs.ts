// Readable names of the engine's sensitivity inputs ("weight:israel", "start:<scenario>:<factor>",
// "target:<scenario>:<factor>", "event:<id>"), for the tornado and the importance list.
import type { MizanDoc } from '../../engine/format/schema';
import { pick } from './format';
import { chartStrings } from './strings';
import type { Language } from '../../engine/format';

export function inputLabel(doc: MizanDoc, input: string, language: Language): string {
  const text = chartStrings(language).inputs;
  const parts = input.split(':');
  const factorLabel = (id: string) => pick(doc.factors.find((f) => f.id === id)?.label, language, id);
  switch (parts[0]) {
    case 'weight':
      if (parts.length === 2) return text.weight(factorLabel(parts[1]));
      break;
    case 'start':
    case 'target':
    case 'pace':
    case 'volatility':
      if (parts.length === 3) return text[parts[0]](factorLabel(parts[2]));
      break;
    case 'strength': {
      const ends = parts.slice(1).join(':').split('>');
      if (ends.length === 2) return text.strength(factorLabel(ends[0]), factorLabel(ends[1]));
      break;
    }
    case 'event': {
      const id = parts.slice(1).join(':');
      for (const s of doc.scenarios) {
        const event = s.events.find((e) => e.id === id);
        if (event) return pick(event.label, language, id);
      }
      return id;
    }
  }
  return input;
}
