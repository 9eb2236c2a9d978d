// "How the model works" in the report: which parts of the model help (docs/MODEL.md, parsed
// by the app) it reprints. The blocks here have the shape of the app's parsed Markdown; the
// end-to-end test finds these parts of the real text in the printed PDF.
import { describe, expect, it } from 'vitest';
import { modelExcerpt, type ExcerptBlock } from '../../src/presentation/report';

const heading = (text: string, level = 2): ExcerptBlock => ({ kind: 'heading', level, text });
const paragraph = (text: string): ExcerptBlock & { words: string } => ({ kind: 'paragraph', words: text });
const code = (text: string): ExcerptBlock => ({ kind: 'code', text });

/** The outline of the help in one language, with section numbers in the given digits. */
function help(digits: (n: number) => string): ExcerptBlock[] {
  const n = (k: number) => `${digits(k)}. `;
  return [
    heading(`${n(1)}What it computes`),
    paragraph('one'),
    paragraph('a judgement aid'),
    heading(`${n(2)}Inputs`),
    paragraph('two'),
    heading(`${n(3)}The monthly update`),
    code('x_i(0) = s_i / 100'),
    paragraph('Escalatory pressure and the index.'),
    code('e_i(t) = …\nT(t)   = 100 · Σ_i w_i e_i(t) / Σ_i w_i\nC_i(t) = …'),
    paragraph('A calming factor…'),
    heading('Worked example', 3),
    code('T(1) = 48.24'),
    heading(`${n(4)}The central path`),
    paragraph('four'),
    heading(`${n(5)}Monte Carlo`),
    paragraph('five'),
    heading(`${n(8)}Limits`),
    { kind: 'list' },
    paragraph('Challenge especially…'),
    heading(`${n(9)}Zero weights`),
    paragraph('nine')
  ];
}

describe.each([
  ['Latin digits', (k: number) => String(k)],
  ['Arabic-Indic digits', (k: number) => String.fromCharCode(0x0660 + k)]
])('the model excerpt (%s)', (_, digits) => {
  const blocks = help(digits);

  it('holds §1, the index formula of §3 with its paragraphs, §4 and §8, in that order', () => {
    const excerpt = modelExcerpt(blocks);
    const at = (k: number) => blocks[k];
    // §4 and §8 come second and third, and are numbered so.
    const second = heading(`${digits(2)}. The central path`);
    const third = heading(`${digits(3)}. Limits`);
    expect(excerpt).toEqual([at(0), at(1), at(2), at(7), at(8), at(9), second, at(13), third, at(17), at(18)]);
  });

  it('leaves out the other sections and the worked example', () => {
    const excerpt = modelExcerpt(blocks);
    for (const left of [3, 4, 5, 6, 10, 11, 14, 15, 19, 20]) expect(excerpt).not.toContain(blocks[left]);
  });
});

describe('a help text without the expected parts', () => {
  it('gives what it has, and nothing for what is missing', () => {
    const only = [heading('4. The central path'), paragraph('four'), heading('5. Monte Carlo'), paragraph('five')];
    expect(modelExcerpt(only)).toEqual([heading('1. The central path'), only[1]]);
    expect(modelExcerpt([paragraph('no sections')])).toEqual([]);
  });
});

describe('where a section ends', () => {
  it('keeps sub-headings and numbered lines inside a section, and ends it at any other top heading', () => {
    const blocks: ExcerptBlock[] = [
      heading('1. What it computes'),
      { kind: 'paragraph', text: '2. not a heading' },
      heading('3. a numbered sub-heading', 3),
      heading('Detail', 3),
      paragraph('one'),
      heading('Appendix'),
      paragraph('appendix'),
      heading('4. The central path'),
      paragraph('four'),
      { kind: 'heading', text: 'A heading without a level' },
      paragraph('dropped'),
      heading('8. Limits'),
      paragraph('eight'),
      heading('Notes on 4. and 1.'),
      paragraph('notes')
    ];
    expect(modelExcerpt(blocks)).toEqual([
      ...[0, 1, 2, 3, 4].map((k) => blocks[k]),
      heading('2. The central path'),
      blocks[8],
      heading('3. Limits'),
      blocks[12]
    ]);
  });

  it('takes the formula from the code block with a line starting "T(t) =", and the paragraphs around it', () => {
    const blocks: ExcerptBlock[] = [
      heading('3. The monthly update'),
      code('x_i(0) = s_i / 100, so that T(t) = …'),
      { kind: 'paragraph', text: 'T(t) = the index, as follows:' },
      code('e_i(t) = …\nT(t)   = 100 · Σ_i w_i e_i(t) / Σ_i w_i'),
      paragraph('after'),
      paragraph('later')
    ];
    expect(modelExcerpt(blocks)).toEqual([blocks[2], blocks[3], blocks[4]]);
    // Without the formula, nothing of §3.
    expect(modelExcerpt([heading('3. The monthly update'), paragraph('no formula')])).toEqual([]);
  });
});

describe('the numbers of the sections the report reprints', () => {
  /** A heading as the app parses it: its text and its inline parts, the number in the first. */
  const parsed = (number: string, rest: string): ExcerptBlock => ({
    kind: 'heading',
    level: 2,
    text: `${number}. ${rest}`,
    inline: [
      { kind: 'text', text: `${number}. ` },
      { kind: 'code', text: rest }
    ]
  });

  it('renumber only the first inline part, and leave a part without text as it is', () => {
    // "8. `8.5` points": the second part starts with digits and a dot too, and is not the number.
    const heading: ExcerptBlock = {
      kind: 'heading',
      level: 2,
      text: '8. 8.5 points',
      inline: [
        { kind: 'text', text: '8. ' },
        { kind: 'code', text: '8.5' },
        { kind: 'strong' },
        { kind: 'text', text: ' points' }
      ]
    };
    expect(modelExcerpt([heading])).toEqual([
      {
        ...heading,
        text: '1. 8.5 points',
        inline: [
          { kind: 'text', text: '1. ' },
          { kind: 'code', text: '8.5' },
          { kind: 'strong' },
          { kind: 'text', text: ' points' }
        ]
      }
    ]);
    const numberless: ExcerptBlock = { ...heading, inline: [{ kind: 'strong' }, { kind: 'text', text: '8. ' }] };
    expect(modelExcerpt([numberless])[0].inline).toEqual(numberless.inline);
  });

  it('run 1, 2, 3 in the text and in the inline parts the report renders, in the digits they were written in', () => {
    const blocks = [
      parsed('1', 'What'),
      parsed('4', 'Central'),
      parsed('8', 'Limits'),
      parsed('١', 'ماذا'),
      parsed('٤', 'المسار'),
      parsed('٨', 'حدود')
    ];
    const numbers = (excerpt: ExcerptBlock[]) => excerpt.map((b) => [b.text, b.inline?.[0].text, b.inline?.[1].text]);
    expect(numbers(modelExcerpt(blocks.slice(0, 3)))).toEqual([
      ['1. What', '1. ', 'What'],
      ['2. Central', '2. ', 'Central'],
      ['3. Limits', '3. ', 'Limits']
    ]);
    expect(numbers(modelExcerpt(blocks.slice(3)))).toEqual([
      ['١. ماذا', '١. ', 'ماذا'],
      ['٢. المسار', '٢. ', 'المسار'],
      ['٣. حدود', '٣. ', 'حدود']
    ]);
  });

  it('skip no number when a section is missing from the help', () => {
    const excerpt = modelExcerpt([parsed('1', 'What'), parsed('8', 'Limits')]);
    expect(excerpt.map((b) => b.text)).toEqual(['1. What', '2. Limits']);
  });
});
