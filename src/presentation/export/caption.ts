// The caption under an exported chart: the document's title and the date, then the line that
// says what the numbers are. A picture pasted into a slide or a message carries where it
// came from and its caveat; the chart's own title is already on it. Names typed in one language
// only are drawn in that language (src/engine/labels.ts): a last line says how many, as the
// report and the editor do, so a reader knows the mixed script is a gap, not an error.
import type { ChartConfiguration, Plugin } from 'chart.js';
import { balanceBidi } from '../../engine/export/bidi';
import type { Language, MizanDoc } from '../../engine/format';
import { untranslatedNames } from '../../engine/labels';
import { truncate } from '../charts/format';

interface CaptionTexts {
  judgementAid: string;
  untitled: string;
  untranslated: (count: number) => string;
}

export const CAPTION_TEXTS: Record<Language, CaptionTexts> = {
  en: {
    judgementAid: 'Mizan — a judgement aid, not a forecast: every number is an analyst’s assumption.',
    untitled: 'Untitled analysis',
    untranslated: (count) => `Names not yet in English (shown in Arabic): ${count}`
  },
  ar: {
    judgementAid: 'ميزان — أداة مساعدة على التقدير وليست تنبؤًا: كل رقم افتراض من المحلل.',
    untitled: 'تحليل بلا عنوان',
    untranslated: (count) => `أسماء لم تُترجم إلى العربية بعد (معروضة بالإنجليزية): ${count}`
  }
};

/** A long title is cut: the caption is one line under the chart. */
const TITLE_CHARS = 80;

export interface ExportCaption {
  lines: readonly string[];
  /** Arabic is drawn from the right. */
  language: Language;
}

/**
 * The caption's lines: "<document title> · <date>", the judgement-aid line, and when some names
 * have no text in `language`, how many.
 */
export function exportCaption(
  doc: Pick<MizanDoc, 'title' | 'factors' | 'scenarios'>,
  language: Language,
  date: Date
): ExportCaption {
  const texts = CAPTION_TEXTS[language];
  const documentTitle = doc.title;
  // Always isolated (FSI … PDI): an English title in an Arabic caption would otherwise take
  // the date's day with it ("Title 4 · ديسمبر 2026").
  const title = `\u2068${balanceBidi(truncate(documentTitle.trim() || texts.untitled, TITLE_CHARS))}\u2069`;
  const day = new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(date);
  const untranslated = untranslatedNames(doc, language).length;
  const lines = [`${title} · ${day}`, texts.judgementAid];
  if (untranslated > 0) lines.push(texts.untranslated(untranslated));
  return { lines, language };
}

const FONT_SIZES = [12, 11];
const LINE_GAP = 4;
const MARGIN = 8;

/** The height the caption takes under the chart. */
export function captionHeight(lines: readonly string[]): number {
  return lines.reduce((sum, _, i) => sum + (FONT_SIZES[i] ?? FONT_SIZES[1]) + LINE_GAP, MARGIN);
}

/**
 * The chart with room kept at its foot and the caption drawn there, from the reading edge
 * (the right in Arabic), in the chart's text colour and face.
 */
export function withCaption(config: ChartConfiguration, { lines, language }: ExportCaption): ChartConfiguration {
  const options = config.options ?? {};
  const given = options.layout?.padding;
  const padding =
    typeof given === 'number' ? { top: given, right: given, bottom: given, left: given } : { ...(given as object) };
  const bottom = ((padding as { bottom?: number }).bottom ?? 0) + captionHeight(lines);
  const colour = typeof options.color === 'string' ? options.color : '#1a1f26';
  const family = options.font?.family;
  const rtl = language === 'ar';
  const plugin: Plugin = {
    // Stryker disable next-line StringLiteral: Chart.js runs an inline plugin's hooks whatever its id, and nothing looks this one up by id or gives it options
    id: 'mizanCaption',
    afterDraw(chart) {
      const c = chart.ctx;
      c.save();
      c.direction = rtl ? 'rtl' : 'ltr';
      c.textAlign = rtl ? 'right' : 'left';
      c.textBaseline = 'bottom';
      c.fillStyle = colour;
      const x = rtl ? chart.width - MARGIN : MARGIN;
      let y = chart.height - captionHeight(lines) + MARGIN;
      lines.forEach((line, i) => {
        const size = FONT_SIZES[i] ?? FONT_SIZES[1];
        y += size + LINE_GAP;
        c.font = `${i === 0 ? 'bold ' : ''}${size}px ${family ?? 'sans-serif'}`;
        c.fillText(line, x, y - LINE_GAP);
      });
      c.restore();
    }
  };
  return {
    ...config,
    options: { ...options, layout: { ...options.layout, padding: { ...padding, bottom } } },
    plugins: [...(config.plugins ?? []), plugin]
  } as ChartConfiguration;
}
