// Ids from names (src/engine/ids.ts): slugs, the Arabic transliteration table, uniqueness and
// the id rules of the format, each against values worked out by hand.
import { describe, expect, it } from 'vitest';
import * as E from '../../src/engine/edits';
import { ID_PATTERN, validateDocument, type MizanDoc } from '../../src/engine/format';
import { idFromName, isAutoId, slugOf, transliterate } from '../../src/engine/ids';
import { compileScenario } from '../../src/engine/model/compile';
import { rich, thawed } from './edits-helpers';

describe('slugOf', () => {
  it('makes lower-case ASCII words joined by hyphens', () => {
    expect(slugOf('Houthi attacks')).toBe('houthi-attacks');
    expect(slugOf('  Red Sea: shipping (2024)! ')).toBe('red-sea-shipping-2024');
    expect(slugOf('Café Zürich')).toBe('cafe-zurich');
    expect(slugOf('—')).toBe('');
  });

  it('transliterates Arabic letter by letter, with the article as "al-", marks dropped', () => {
    expect(transliterate('حزب')).toBe('hzb');
    expect(slugOf('الحوثي')).toBe('al-hwthy');
    expect(slugOf('شحن بحري')).toBe('shhn-bhry');
    expect(slugOf('عُقُوبَات')).toBe('aqwbat');
    expect(slugOf('هجمات ٢٠٢٤')).toBe('hjmat-2024');
  });

  it('spells every letter of its table, and drops Arabic punctuation it has no spelling for', () => {
    // Letters one by one (spaces keep "ال" from reading as the article).
    const letters = 'ء ا ب ة ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك ل م ن ه و ى ي ٱ پ چ ژ گ ک ی';
    const spelled = ' a b a t th j h kh d dh r z s sh s d t z a gh f q k l m n h w a y a p ch zh g k y';
    expect(transliterate(letters)).toBe(spelled);
    // A hamza or madda on a carrier is spelled as the carrier.
    expect(transliterate('آ أ ؤ إ ئ')).toBe('a a w a y');
    expect(transliterate('أ،ب؟')).toBe('ab');
  });
});

describe('idFromName', () => {
  it('takes the English name, else the Arabic one', () => {
    expect(idFromName({ en: 'Houthi attacks', ar: 'هجمات' }, [], 'factor')).toBe('houthi-attacks');
    expect(idFromName({ en: ' ', ar: 'هجمات الحوثيين' }, [], 'factor')).toBe('hjmat-al-hwthyyn');
  });

  it('is unique among the ids taken: -2, -3…', () => {
    const taken = ['oil', 'oil-2'];
    expect(idFromName({ en: 'Oil', ar: '' }, taken, 'factor')).toBe('oil-3');
  });

  it('keeps to the id rules: a letter first, at most 64 characters, even when made unique', () => {
    expect(idFromName({ en: '2024 elections', ar: '' }, [], 'factor')).toBe('factor-2024-elections');
    expect(idFromName({ en: '!!!', ar: '' }, ['factor'], 'factor')).toBe('factor-2');
    // "word-" × 12 is 60 characters: 64 ends on a whole "word", 63 on a hyphen, which is dropped.
    const long = idFromName({ en: 'word '.repeat(30), ar: '' }, [], 'factor');
    expect(long).toBe(`${'word-'.repeat(12)}word`);
    expect(idFromName({ en: 'word '.repeat(30), ar: '' }, [long], 'factor')).toBe(`${'word-'.repeat(12)}wo-2`);
    expect(idFromName({ en: `${'w'.repeat(63)} x`, ar: '' }, [], 'factor')).toBe('w'.repeat(63));
    const longTaken = idFromName({ en: 'word '.repeat(30), ar: '' }, [long], 'factor');
    expect(longTaken.endsWith('-2')).toBe(true);
    for (const id of [long, longTaken]) expect(id).toMatch(ID_PATTERN);
  });
});

describe('isAutoId', () => {
  it('knows the automatic ids and nothing else', () => {
    expect(isAutoId('factor12', 'factor')).toBe(true);
    expect(isAutoId('factor', 'factor')).toBe(false);
    expect(isAutoId('factor-oil', 'factor')).toBe(false);
    expect(isAutoId('sanctions', 'factor')).toBe(false);
  });
});

describe('renameFactor gives a new factor an id from its name', () => {
  it('the first name replaces the automatic id everywhere; later names keep it', () => {
    let doc = thawed(rich());
    doc = E.addFactor(doc, { id: E.newFactorId(doc), label: { en: 'New factor 5', ar: '' } }) as MizanDoc;
    expect(doc.factors.at(-1)!.id).toBe('factor1');
    doc = E.setInteraction(doc, 'factor1', 'sanctions', 0.2) as MizanDoc;
    doc = E.setWeightOverride(doc, doc.scenarios[0].id, 'factor1', 3) as MizanDoc;

    const named = E.renameFactor(doc, 'factor1', { en: '', ar: 'هجمات الحوثيين' }) as MizanDoc;
    expect(named.factors.at(-1)).toMatchObject({ id: 'hjmat-al-hwthyyn', label: { en: '', ar: 'هجمات الحوثيين' } });
    expect(named.interactions.filter((i) => i.from === 'hjmat-al-hwthyyn')).toHaveLength(1);
    expect(named.scenarios[0].weights?.['hjmat-al-hwthyyn']).toBe(3);
    for (const s of named.scenarios) expect(Object.keys(s.factors)).toContain('hjmat-al-hwthyyn');
    // Nothing refers to the automatic id any more, and the file is valid.
    expect(JSON.stringify(named)).not.toContain('"factor1"');
    expect(validateDocument(named).ok).toBe(true);

    // Named again: the id stays.
    const renamed = E.renameFactor(named, 'hjmat-al-hwthyyn', { en: 'Houthi attacks', ar: '' }) as MizanDoc;
    expect(renamed.factors.at(-1)!.id).toBe('hjmat-al-hwthyyn');
  });

  it('renames links to and from the factor and the events on it; a same-name rename changes nothing', () => {
    let doc = thawed(rich());
    doc = E.addFactor(doc, { id: 'factor1', label: { en: 'New factor 1', ar: '' } }) as MizanDoc;
    doc = E.setInteraction(doc, 'sanctions', 'factor1', -0.3) as MizanDoc;
    const scenario = doc.scenarios[0].id;
    const event = {
      id: 'strike',
      label: { en: 'Strike', ar: '' },
      month: 2,
      factor: 'factor1',
      shift: 9,
      probability: 0.5
    };
    doc = E.addEvent(doc, scenario, event) as MizanDoc;

    const named = E.renameFactor(doc, 'factor1', { en: 'Red Sea', ar: '' }) as MizanDoc;
    expect(named.interactions.find((i) => i.from === 'sanctions' && i.to === 'red-sea')?.strength).toBe(-0.3);
    expect(named.scenarios[0].events.find((e) => e.id === 'strike')?.factor).toBe('red-sea');
    expect(JSON.stringify(named)).not.toContain('"factor1"');
    expect(validateDocument(named).ok).toBe(true);

    // Its automatic id stays when the name does not change, and when the new name is refused.
    expect(E.renameFactor(doc, 'factor1', { en: 'New factor 1', ar: '' })).toBe(doc);
    expect(E.renameFactor(doc, 'factor1', { en: ' ', ar: '' })).toBeInstanceOf(E.Refused);
  });

  it('takes an id no other factor has, and may keep the one the name gives its own', () => {
    let doc = thawed(rich());
    doc = E.addFactor(doc, { id: 'factor1', label: { en: 'New factor 1', ar: '' } }) as MizanDoc;
    const clash = E.renameFactor(doc, 'factor1', { en: 'Sanctions', ar: '' }) as MizanDoc;
    expect(clash.factors.at(-1)!.id).toBe('sanctions-2');
    expect(clash.factors.filter((f) => f.id === 'sanctions')).toHaveLength(1);
    expect(validateDocument(clash).ok).toBe(true);
    // "Factor1" makes "factor1", its own id: kept, not "factor1-2".
    expect((E.renameFactor(doc, 'factor1', { en: 'Factor1', ar: '' }) as MizanDoc).factors.at(-1)!.id).toBe('factor1');
  });

  it('leaves a factor whose id is not automatic as it is', () => {
    const doc = rich();
    const next = E.renameFactor(doc, 'sanctions', { en: 'Oil embargo', ar: '' }) as MizanDoc;
    expect(next.factors.map((f) => f.id)).toEqual(doc.factors.map((f) => f.id));
  });
});

describe('renameScenario gives a new scenario an id from its name', () => {
  const added = () => {
    const doc = thawed(rich());
    const id = E.newScenarioId(doc);
    return E.addScenario(doc, { id, name: { en: 'New scenario 3', ar: '' }, color: '#123456' }) as MizanDoc;
  };

  it('the first name replaces the automatic id; later names keep it; the file stays valid', () => {
    const doc = added();
    expect(doc.scenarios.at(-1)!.id).toBe('scenario1');
    const named = E.renameScenario(doc, 'scenario1', { en: 'Escalation', ar: 'تصعيد' }) as MizanDoc;
    expect(named.scenarios.map((s) => s.id)).toEqual(['baseline', 'deescalation', 'escalation']);
    expect(named.scenarios.at(-1)).toEqual({
      ...doc.scenarios.at(-1),
      id: 'escalation',
      name: { en: 'Escalation', ar: 'تصعيد' }
    });
    expect(JSON.stringify(named)).not.toContain('"scenario1"');
    expect(validateDocument(named).ok).toBe(true);
    const renamed = E.renameScenario(named, 'escalation', { en: 'Wider war', ar: '' }) as MizanDoc;
    expect(renamed.scenarios.at(-1)!.id).toBe('escalation');
  });

  it('takes the transliterated Arabic name, made unique among the other scenarios', () => {
    const doc = added();
    const named = E.renameScenario(doc, 'scenario1', { en: '', ar: 'التصعيد' }) as MizanDoc;
    expect(named.scenarios.at(-1)!.id).toBe('al-tsayd');
    // "Baseline" is taken by the first scenario: the new one is "baseline-2".
    const twin = E.renameScenario(doc, 'scenario1', { en: 'Baseline', ar: '' }) as MizanDoc;
    expect(twin.scenarios.at(-1)!.id).toBe('baseline-2');
    expect(validateDocument(twin).ok).toBe(true);
  });

  it('keeps the id of a scenario named before, and of an unchanged name', () => {
    const doc = rich();
    const next = E.renameScenario(doc, 'baseline', { en: 'Status quo', ar: '' }) as MizanDoc;
    expect(next.scenarios.map((s) => s.id)).toEqual(doc.scenarios.map((s) => s.id));
    const same = added();
    expect(E.renameScenario(same, 'scenario1', same.scenarios.at(-1)!.name)).toBe(same);
  });

  it('may keep its automatic id when the name gives that very id ("Scenario1"), not "scenario1-2"', () => {
    const named = E.renameScenario(added(), 'scenario1', { en: 'Scenario1', ar: '' }) as MizanDoc;
    expect(named.scenarios.at(-1)).toMatchObject({ id: 'scenario1', name: { en: 'Scenario1' } });
  });
});

describe('settleEventId gives a new event an id from its name', () => {
  const withEvent = (label: { en: string; ar: string }) => {
    const doc = thawed(rich());
    const id = E.newEventId(doc);
    const event = { id, label, month: 2, factor: 'sanctions', shift: 5, probability: 0.5 };
    return E.addEvent(doc, 'deescalation', event) as MizanDoc;
  };

  it('an automatic id takes the name the event has now, unique in the whole document', () => {
    const doc = withEvent({ en: 'Port strike', ar: '' });
    expect(doc.scenarios[1].events.at(-1)!.id).toBe('event1');
    const settled = E.settleEventId(doc, 'deescalation', 'event1') as MizanDoc;
    expect(settled.scenarios[1].events.at(-1)).toEqual({ ...doc.scenarios[1].events.at(-1), id: 'port-strike' });
    expect(validateDocument(settled).ok).toBe(true);
    // Named in the other scenario's event already ("s400"): the new one is "s400-2".
    const twin = withEvent({ en: 'S400', ar: '' });
    expect((E.settleEventId(twin, 'deescalation', 'event1') as MizanDoc).scenarios[1].events.at(-1)!.id).toBe('s400-2');
  });

  it('a name that gives the event its own automatic id keeps it, and changes nothing', () => {
    const doc = withEvent({ en: 'Event1', ar: '' });
    // Not "event1-2": the event's own id is not taken by another.
    expect(E.settleEventId(doc, 'deescalation', 'event1')).toBe(doc);
  });

  it('an Arabic name gives a transliterated id', () => {
    // إ is alef with hamza below: NFKD splits it and the mark is dropped, so it reads "a".
    const doc = withEvent({ en: '', ar: 'إضراب الميناء' });
    expect((E.settleEventId(doc, 'deescalation', 'event1') as MizanDoc).scenarios[1].events.at(-1)!.id).toBe(
      'adrab-al-myna'
    );
  });

  it('leaves a named event as it is, and refuses an event that is not there', () => {
    const doc = rich();
    expect(E.settleEventId(doc, 'baseline', 's400')).toBe(doc);
    const settled = E.settleEventId(withEvent({ en: 'Strike', ar: '' }), 'deescalation', 'event1') as MizanDoc;
    expect(E.settleEventId(settled, 'deescalation', 'strike')).toBe(settled);
    expect(E.settleEventId(doc, 'baseline', 'talks')).toEqual(new E.Refused('not-found'));
    expect(E.settleEventId(doc, 'nope', 's400')).toEqual(new E.Refused('not-found'));
  });

  it('the analysis names the event by its new id (sensitivity input "event:<id>")', () => {
    const settled = E.settleEventId(withEvent({ en: 'Port strike', ar: '' }), 'deescalation', 'event1') as MizanDoc;
    expect(compileScenario(settled, 1).eventIds).toEqual(['talks', 'port-strike']);
  });

  it('copies of an automatic id get automatic ids (named when settled); copies of a named one keep it', () => {
    const doc = withEvent({ en: 'Port strike', ar: '' });
    const copied = E.copyEvent(doc, 'deescalation', 'event1', ['baseline']) as MizanDoc;
    expect(copied.scenarios[0].events.map((e) => e.id)).toEqual(['s400', 'kazan', 'event2']);
    const named = E.copyEvent(rich(), 'baseline', 's400', ['deescalation']) as MizanDoc;
    expect(named.scenarios[1].events.map((e) => e.id)).toEqual(['talks', 's400']);
    const duplicated = E.duplicateScenario(doc, 'deescalation', {
      id: 'copy',
      name: { en: 'Copy', ar: '' },
      color: '#123456'
    }) as MizanDoc;
    expect(duplicated.scenarios[2].events.map((e) => e.id)).toEqual(['talks', 'event2']);
    for (const d of [copied, named, duplicated]) expect(validateDocument(d).ok).toBe(true);
  });
});
