// File names of exported charts: "<document>-<chart>-<scenario>.<ext>" ("<document>-<chart>.<ext>"
// for a chart the same whichever scenario is selected), safe on Windows, macOS and Linux, and still
// readable in Arabic.
import { stripBidiControls } from '../../engine/export/bidi';
import type { ChartInput, ChartKind } from '../charts';
import { GAP_KINDS, gapVersus } from '../charts/gap';
import { CHART_KIND_TRAITS } from '../charts/kinds';

/** The longest name, in UTF-8 bytes; file systems allow 255, and some tools add a suffix. */
const MAX_BYTES = 200;

// Reserved on Windows, or a path separator somewhere: / \ : * ? " < > |, and control characters.
// (Bidirectional controls, which could make "gpj.exe" display as "exe.jpg", are removed.)
// eslint-disable-next-line no-control-regex
const UNSAFE = /[/\\:*?"<>|\u0000-\u001F\u007F]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Cuts to at most `max` UTF-8 bytes without splitting a character. */
function cut(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (utf8Length(out + ch) > max) break;
    out += ch;
  }
  return out;
}

/** One part of a file name: unsafe characters become "-", spaces collapse, edges trimmed. */
export function safeNamePart(text: string, fallback: string): string {
  const part = stripBidiControls(text.normalize('NFC'))
    .replace(UNSAFE, '-')
    .replace(/\s+/g, ' ')
    .replace(/-{2,}/g, '-')
    // No leading dots (hidden files) or hyphens (read as options); no trailing dots or spaces (Windows).
    .replace(/^[\s.-]+|[\s.-]+$/g, '');
  if (!part || WINDOWS_RESERVED.test(part)) return part ? `${part}_` : fallback;
  return part;
}

/** The document part of export names: a file name without ".mizan", made safe. */
export function exportDocumentName(documentName: string): string {
  return safeNamePart(documentName.replace(/\.mizan$/i, ''), 'mizan');
}

/** The name of an export; `scenarioId` null: no scenario part (exportScenarioPart). */
export function exportFileName(documentName: string, chart: string, scenarioId: string | null, ext: string): string {
  // safeNamePart drops the leading dots (".png" is "png").
  const extension = safeNamePart(ext, 'dat').toLowerCase();
  const scenario = scenarioId === null ? '' : `-${safeNamePart(scenarioId, 'scenario')}`;
  const tail = `-${safeNamePart(chart, 'chart')}${scenario}.${extension}`;
  const document = exportDocumentName(documentName);
  const room = Math.max(MAX_BYTES - utf8Length(tail), 16);
  // Stryker disable next-line StringLiteral: unreachable fallback: `document` is safe and non-empty, and cut keeps at least its first character
  return `${safeNamePart(cut(document, room), 'mizan')}${tail}`;
}

/**
 * The scenario part of an export's name: the selected scenario's id, or for the gap charts both
 * scenarios, `<a>-minus-<b>`, since a gap names no scenario by itself; null for a chart that does
 * not show the selected scenario (the same picture for every one: CHART_KIND_TRAITS.showsSelected).
 */
export function exportScenarioPart(
  kind: ChartKind,
  input: Pick<ChartInput, 'analysis' | 'selectedScenario' | 'versus'>
): string | null {
  if (!CHART_KIND_TRAITS[kind].showsSelected) return null;
  if (!GAP_KINDS.includes(kind)) return input.selectedScenario;
  const ids = input.analysis.scenarios.map((s) => s.id);
  const versus = gapVersus(ids, input.selectedScenario, input.versus);
  return versus === undefined ? input.selectedScenario : `${input.selectedScenario}-minus-${versus}`;
}
