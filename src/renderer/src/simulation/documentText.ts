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

/**
 * The document as the workers receive it: its whole text, or, when the worker holds the document
 * sent before, the text of the fields that changed since (by object: a weight step changes
 * `factors` only) and the names of the fields gone. The workers parse that much instead of 2.9 MB
 * per step, and the main thread posts that much.
 */
export type DocumentMessage = { whole: string } | { changed: string; removed: string[] };

/** The message that makes `doc` out of `base`, the document the worker was sent before (null: none). */
export function documentMessage(doc: MizanDoc, base: MizanDoc | null): DocumentMessage {
  if (base === null) return { whole: documentText(doc) };
  const now = doc as unknown as Record<string, unknown>;
  const before = base as unknown as Record<string, unknown>;
  const fields: string[] = [];
  for (const key of Object.keys(now))
    if (!unwritten(now[key]) && now[key] !== before[key]) fields.push(`${JSON.stringify(key)}:${textOf(now[key], 1)}`);
  const removed = Object.keys(before).filter((key) => !unwritten(before[key]) && unwritten(now[key]));
  return { changed: `{${fields.join(',')}}`, removed };
}

/** The document a message makes, given the one the message before made (the worker's side). */
export function documentOf(message: DocumentMessage, previous: MizanDoc | null): MizanDoc {
  if ('whole' in message) return JSON.parse(message.whole) as MizanDoc;
  if (previous === null) throw new Error('a change of a document this worker was never sent');
  const doc: Record<string, unknown> = { ...previous, ...(JSON.parse(message.changed) as Record<string, unknown>) };
  for (const key of message.removed) delete doc[key];
  return doc as unknown as MizanDoc;
}
