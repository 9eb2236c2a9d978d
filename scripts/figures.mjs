// What the figure scripts (scripts/*-figures.mjs) share: how they write numbers and Markdown
// tables, and how they run as commands.
import { fileURLToPath } from 'node:url';

/** One decimal. */
export const one = (x) => x.toFixed(1);

/** One decimal with its sign, taken after rounding: −0.01 is +0.0, not -0.0. */
export const signed = (x) => {
  const rounded = x.toFixed(1);
  return (Number(rounded) >= 0 ? '+' : '-') + rounded.replace('-', '');
};

/** A share as a percentage with one decimal: "6.9 %". */
export const percent = (x) => `${(100 * x).toFixed(1)} %`;

/** A Markdown table: the first column left-aligned, the others right-aligned. */
export const table = (header, rows) =>
  [`| ${header.join(' | ')} |`, `| ${header.map((_, k) => (k === 0 ? '---' : '---:')).join(' | ')} |`]
    .concat(rows.map((row) => `| ${row.join(' | ')} |`))
    .join('\n');

/** Whether the module at `url` (its import.meta.url) is the script node was asked to run. */
export const isMain = (url) => process.argv[1] !== undefined && fileURLToPath(url) === process.argv[1];

/** Standard input, whole, as text. */
export async function readStdin() {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text;
}
