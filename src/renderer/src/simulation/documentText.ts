// The document as JSON text, for the workers: JSON.stringify(doc), joined from the texts of its
// parts. Every edit sends the whole document to the workers, and writing the largest one (2.9 MB)
// takes about 30 ms of the main thread here; but an edit shares every part it leaves alone
// (documents are never mutated), so the text of each part down to a list's items (a factor, a
// scenario) is kept by object, and a weight step writes 60 small factors and joins the rest.
import type { MizanDoc } from '../../../engine/format';

/** How deep parts are kept: the document (0), its fields (1), their items or entries (2). */
const KEPT_DEPTH = 2;

const texts = new WeakMap<object, string>();

/** What JSON.stringify leaves out of an object, and writes as null in a list. */
const unwritten = (value: unknown) => value === undefined || typeof value === 'function' || typeof value === 'symbol';

function textOf(value: unknown, depth: number): string {
  if (depth > KEPT_DEPTH || value === null || typeof value !== 'object' || 'toJSON' in value)
    return JSON.stringify(value);
  let text = texts.get(value);
  if (text !== undefined) return text;
  if (Array.isArray(value)) {
    const items: string[] = [];
    // A loop, not map(): JSON.stringify writes a hole as null.
    for (let i = 0; i < value.length; i++)
      items.push(unwritten(value[i]) ? 'null' : textOf(value[i] as unknown, depth + 1));
    text = `[${items.join(',')}]`;
  } else {
    const fields: string[] = [];
    for (const [key, field] of Object.entries(value))
      if (!unwritten(field)) fields.push(`${JSON.stringify(key)}:${textOf(field, depth + 1)}`);
    text = `{${fields.join(',')}}`;
  }
  texts.set(value, text);
  return text;
}

/** JSON.stringify(doc), reusing the texts of the parts it shares with documents written before. */
export function documentText(doc: MizanDoc): string {
  return textOf(doc, 0);
}
