// Bidirectional control characters in text from a document. An embedding or override
// (U+202A–U+202E) left open runs until its paragraph ends, and an isolate (U+2066–U+2068)
// likewise: a label "Sanctions\u202E" put in "Sanctions\u202E: 5–95%" shows the text after it
// reversed. Even closed, an embedding still sways the neutrals and digits that follow it
// ("Base\u202Eline\u202C: 5–95%" shows as "Baseenil95%–5 :"), which only an isolate stops. So a
// label is balanced and, when it holds any such control, isolated (isolateBidi) before it is
// used anywhere (charts, CSV, SVG, the report); a file name carries none of them at all, nor
// the marks, as they can disguise an extension ("report\u202Egnp.csv" shows as "reportvsc.png").

const EMBEDDINGS = new Set(['\u202A', '\u202B', '\u202D', '\u202E']); // LRE RLE LRO RLO
const ISOLATES = new Set(['\u2066', '\u2067', '\u2068']); // LRI RLI FSI
const PDF = '\u202C';
const PDI = '\u2069';

/** Every bidirectional formatting character: embeddings, overrides, isolates, their closers and the marks LRM, RLM, ALM. */
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * The text with every embedding and isolate closed where it was opened: closers without an
 * opener are dropped, and what is still open at the end is closed there (innermost first), as
 * Unicode's bidi algorithm (UAX #9, X6a and X7) pairs them. Balanced text is returned as is.
 */
export function balanceBidi(text: string): string {
  // Stryker disable next-line ConditionalExpression: without an embedding or isolate the loop below copies the text unchanged: the same text, slower
  if (!/[\u202A-\u202E\u2066-\u2069]/.test(text)) return text;
  const open: string[] = []; // the openers not yet closed, innermost last
  let out = '';
  for (const ch of text) {
    if (EMBEDDINGS.has(ch) || ISOLATES.has(ch)) {
      open.push(ch);
    } else if (ch === PDF) {
      // A PDF closes the innermost embedding, and none outside the innermost open isolate.
      if (!EMBEDDINGS.has(open[open.length - 1])) continue; // none open: open[-1] is undefined
      open.pop();
    } else if (ch === PDI) {
      // A PDI closes the innermost open isolate and every embedding opened inside it.
      // Stryker disable next-line ArithmeticOperator: starting past the end only reads undefined (no isolate) before it reaches the same one
      let at = open.length - 1;
      while (at >= 0 && !ISOLATES.has(open[at])) at--;
      if (at < 0) continue;
      out += open
        .splice(at + 1)
        .map(() => PDF)
        .join('');
      open.pop();
    }
    out += ch;
  }
  return (
    out +
    open
      .reverse()
      .map((c) => (ISOLATES.has(c) ? PDI : PDF))
      .join('')
  );
}

const FSI = '\u2068';

/** Whether the text is one isolate from its first character to its last. */
function isolatedWhole(text: string): boolean {
  if (!text.startsWith(FSI) || !text.endsWith(PDI)) return false;
  let depth = 0;
  const chars = [...text];
  // Stryker disable next-line EqualityOperator: chars[length] is undefined: the depth stays, and the end test below is false there
  for (let i = 0; i < chars.length; i++) {
    if (ISOLATES.has(chars[i])) depth++;
    else if (chars[i] === PDI) depth--;
    if (depth === 0 && i < chars.length - 1) return false;
  }
  return true;
}

/**
 * A label for use inside a longer text: balanced, and when it holds an embedding, override or
 * isolate, set in a first-strong isolate (FSI … PDI), so that to the text around it the label
 * is one neutral character whatever it holds. Plain labels are returned as they are.
 */
export function isolateBidi(text: string): string {
  const balanced = balanceBidi(text);
  if (!/[\u202A-\u202E\u2066-\u2069]/.test(balanced) || isolatedWhole(balanced)) return balanced;
  return FSI + balanced + PDI;
}

/** The text without any bidirectional control or mark: for file names. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
