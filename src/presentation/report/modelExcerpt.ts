// The report's "How the model works": a few parts of docs/MODEL.md (the text of the model
// help, parsed by the app's Markdown reader) rather than a second, shorter explanation to
// keep in step with it: what Mizan computes and does not (§1), the index and its
// contributions (from §3), the central path (§4) and the limits of the model (§8), numbered
// again 1, 2, 3 in the report: its reader never sees the sections in between.

/** What the selection reads of a parsed block; the app's Markdown blocks have this shape. */
export interface ExcerptBlock {
  kind: string;
  level?: number;
  text?: string;
  /** A heading's text as the app renders it: its first part holds the section number. */
  inline?: { kind: string; text?: string }[];
}

const SECTIONS = [1, 4, 8];

/** The number of a section heading: "3. The monthly update", "٣. التحديث الشهري". */
function sectionNumber(block: ExcerptBlock): number | null {
  // Stryker disable next-line ConditionalExpression: of the app's blocks only headings have a level
  if (block.kind !== 'heading' || block.level !== 2) return null;
  // Stryker disable next-line StringLiteral: a heading without text has no number, whatever stands in for its text
  const digits = (block.text ?? '').replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
  // Stryker disable next-line Regex: the sections reprinted are numbered 1 to 9; a higher one ends the one before either way
  const match = /^(\d+)\./.exec(digits);
  return match ? Number(match[1]) : null;
}

const ARABIC_INDIC_DIGIT = /[\u0660-\u0669]/;

/** The section heading numbered `n` instead, in the digits it was written in. */
function renumbered<B extends ExcerptBlock>(heading: B, n: number): B {
  // Stryker disable next-line OptionalChaining,StringLiteral: a section heading has text (its number was read from it)
  const arabicIndic = ARABIC_INDIC_DIGIT.test(heading.text?.[0] ?? '');
  const digits = arabicIndic ? String(n).replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d))) : String(n);
  // Stryker disable next-line Regex: the number starts the heading and is one digit (sections 1 to 9)
  const renumber = (text: string) => text.replace(/^[\d\u0660-\u0669]+(?=\.)/, digits);
  const inline = heading.inline?.map((part, k) =>
    k === 0 && part.text !== undefined ? { ...part, text: renumber(part.text) } : part
  );
  // Stryker disable next-line StringLiteral: a section heading has text (its number was read from it)
  return { ...heading, text: renumber(heading.text ?? ''), ...(inline && { inline }) };
}

function sections<B extends ExcerptBlock>(blocks: B[]): Map<number, B[]> {
  const out = new Map<number, B[]>();
  let current: B[] | null = null;
  for (const block of blocks) {
    const n = sectionNumber(block);
    if (n !== null) {
      current = [block];
      out.set(n, current);
    } else if (block.kind === 'heading' && (block.level ?? 0) <= 2) {
      current = null;
    } else current?.push(block);
  }
  return out;
}

/** The formula of the index in §3: the paragraph that introduces it, the formula, the paragraph after. */
function indexFormula<B extends ExcerptBlock>(section: B[]): B[] {
  // Stryker disable next-line StringLiteral: a code block without text holds no formula, whatever stands in for its text
  const at = section.findIndex((b) => b.kind === 'code' && /^T\(t\)\s*=/m.test(b.text ?? ''));
  return at === -1 ? [] : section.slice(Math.max(0, at - 1), at + 2);
}

/** The parts of the model help (one language's blocks) that the report reprints, in order, numbered from 1. */
export function modelExcerpt<B extends ExcerptBlock>(blocks: B[]): B[] {
  const parts = sections(blocks);
  let number = 0;
  // Each section starts with its heading; a section the help lacks takes no number.
  const [first, ...rest] = SECTIONS.map((n) => parts.get(n) ?? []).map(([heading, ...body]) =>
    heading ? [renumbered(heading, ++number), ...body] : []
  );
  // Stryker disable next-line ArrayDeclaration: a stand-in item that is not a block is no code block: no formula either way
  return [...first, ...indexFormula(parts.get(3) ?? []), ...rest.flat()];
}
