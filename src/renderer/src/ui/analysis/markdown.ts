// Just enough Markdown for docs/MODEL.md, the text of the model help: headings, paragraphs,
// lists (whose items may hold code), fenced code, tables, rules; inline code, bold, italics
// and links. It builds plain data that a Svelte component renders as elements — no HTML
// strings, so nothing in the text can become markup. HTML lines (`<div dir="rtl">`) are
// dropped: the help sets the direction itself.

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] };

export type Block =
  | { kind: 'heading'; level: number; text: string; id: string; inline: Inline[] }
  | { kind: 'paragraph'; inline: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'list'; ordered: boolean; items: Block[][] }
  | { kind: 'table'; head: Inline[][]; rows: Inline[][][] }
  | { kind: 'rule' };

const INLINE = /`([^`]+)`|\*\*(.+?)\*\*|\*([^*\s][^*]*?)\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ kind: 'text', text: text.slice(last, at) });
    if (m[1] !== undefined) out.push({ kind: 'code', text: m[1] });
    else if (m[2] !== undefined) out.push({ kind: 'strong', children: parseInline(m[2]) });
    else if (m[3] !== undefined) out.push({ kind: 'em', children: parseInline(m[3]) });
    else out.push({ kind: 'link', href: m[5], children: parseInline(m[4]) });
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/** The plain text of inline content. */
export function inlineText(inline: Inline[]): string {
  return inline.map((i) => ('text' in i ? i.text : inlineText(i.children))).join('');
}

/** A heading's anchor, as GitHub makes it: lower case, spaces to hyphens, punctuation dropped. */
export function slug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');
}

const FENCE = /^\s*```/;
const BULLET = /^(\s*)([-*]|\d+\.)\s+(.*)$/;
const HTML_LINE = /^\s*<\/?[a-z][^>]*>\s*$/i;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
}

const indentOf = (line: string) => line.length - line.trimStart().length;

function startsBlock(line: string): boolean {
  return (
    /^#{1,6}\s/.test(line) ||
    FENCE.test(line) ||
    BULLET.test(line) ||
    line.trim().startsWith('|') ||
    /^-{3,}\s*$/.test(line) ||
    HTML_LINE.test(line)
  );
}

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '' || HTML_LINE.test(line)) {
      i++;
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const inline = parseInline(heading[2]);
      const text = inlineText(inline);
      blocks.push({ kind: 'heading', level: heading[1].length, text, id: slug(text), inline });
      i++;
      continue;
    }
    if (FENCE.test(line)) {
      const indent = indentOf(line);
      const body: string[] = [];
      i++;
      while (i < lines.length && !FENCE.test(lines[i])) body.push(lines[i++].slice(indent));
      i++; // the closing fence
      blocks.push({ kind: 'code', text: body.join('\n') });
      continue;
    }
    if (/^-{3,}\s*$/.test(line)) {
      blocks.push({ kind: 'rule' });
      i++;
      continue;
    }
    if (line.trim().startsWith('|')) {
      const rows: string[][] = [];
      while (i < lines.length && lines[i].trim().startsWith('|')) {
        if (!TABLE_RULE.test(lines[i])) rows.push(cells(lines[i]));
        i++;
      }
      const [head = [], ...body] = rows;
      blocks.push({ kind: 'table', head: head.map(parseInline), rows: body.map((r) => r.map(parseInline)) });
      continue;
    }
    const bullet = BULLET.exec(line);
    if (bullet) {
      const ordered = /\d/.test(bullet[2]);
      const base = bullet[1].length;
      const items: Block[][] = [];
      while (i < lines.length) {
        const item = BULLET.exec(lines[i]);
        if (!item || item[1].length !== base || /\d/.test(item[2]) !== ordered) break;
        // The item: its first line, then every line indented under it (text, code), until a
        // blank line followed by something not indented, or the next item.
        const body = [item[3]];
        i++;
        let inFence = false;
        while (i < lines.length) {
          const next = lines[i];
          if (FENCE.test(next)) inFence = !inFence;
          else if (!inFence) {
            if (next.trim() === '') {
              if (i + 1 < lines.length && indentOf(lines[i + 1]) > base && lines[i + 1].trim() !== '') {
                body.push('');
                i++;
                continue;
              }
              break;
            }
            const nested = BULLET.exec(next);
            if (nested && nested[1].length <= base) break;
            if (indentOf(next) <= base && startsBlock(next)) break;
          }
          body.push(next.slice(Math.min(indentOf(next), base + 2)));
          i++;
        }
        items.push(parseMarkdown(body.join('\n')));
      }
      blocks.push({ kind: 'list', ordered, items });
      continue;
    }
    const text: string[] = [];
    while (i < lines.length && lines[i].trim() !== '' && !(text.length > 0 && startsBlock(lines[i]))) {
      text.push(lines[i].trim());
      i++;
    }
    blocks.push({ kind: 'paragraph', inline: parseInline(text.join(' ')) });
  }
  return blocks;
}

export interface HelpText {
  title: string;
  blocks: Block[];
}

/**
 * The help in one language from docs/MODEL.md: English is the part before the rule (`---`),
 * Arabic the part after it. Each part starts at its first section heading; the Arabic part's
 * own first heading is its title.
 */
export function helpText(source: string, language: 'en' | 'ar'): HelpText {
  const blocks = parseMarkdown(source);
  const rule = blocks.findIndex((b) => b.kind === 'rule');
  const part =
    language === 'en' ? blocks.slice(0, rule === -1 ? blocks.length : rule) : rule === -1 ? [] : blocks.slice(rule + 1);
  const h1 = blocks.find((b) => b.kind === 'heading' && b.level === 1);
  const first = part.findIndex((b) => b.kind === 'heading' && b.level === 2);
  if (first === -1) return { title: h1?.kind === 'heading' ? h1.text : '', blocks: part };
  if (language === 'ar') {
    const heading = part[first];
    return { title: heading.kind === 'heading' ? heading.text : '', blocks: part.slice(first + 1) };
  }
  const title = h1?.kind === 'heading' ? h1.text.split('·')[0].trim() : '';
  return { title, blocks: part.slice(first) };
}
