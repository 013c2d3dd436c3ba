/**
 * Name repair (name-repair.ts) over an article body's HTML translation: each run is checked against
 * its source run, and a repaired run is written back into the HTML in place, so the page (which shows
 * the HTML) and the paragraphs (read out of the runs, html-lines.ts) say the same.
 */
import type { NameRepair } from '../../model.js';
import { runTexts, type HtmlTranslation, type RunPair } from './html.js';
import { editRunTexts } from './html-edit.js';
import { repairNames, substituteNames, type TextTranslate } from './name-repair.js';

export async function repairBodyNames(
  sourceHtml: string,
  body: HtmlTranslation,
  to: string,
  translate: TextTranslate,
): Promise<HtmlTranslation & { repairs: NameRepair[] }> {
  if (!body.runs.length) return substituteInBody(sourceHtml, body, to, translate);
  const sources = body.runs.map(([source]) => source);
  const { texts, repairs } = await repairNames(
    sources,
    body.runs.map(([, translated]) => translated),
    to,
    translate,
  );
  if (!repairs.length) return { ...body, repairs };
  const edits = new Map(body.runs.map(([, translated], i) => [translated, texts[i]!]));
  return {
    html: editRunTexts(body.html, (text) => edits.get(text)),
    runs: sources.map((source, i): RunPair => [source, texts[i]!]),
    repairs,
  };
}

/**
 * A body whose runs could not be paired (the engine's HTML has a different number of runs): names
 * lost from the whole body are substituted where the engine's words for them are (name-repair.ts
 * substituteNames), in the HTML; the paragraphs are then translated and checked as plain text.
 */
async function substituteInBody(
  sourceHtml: string,
  body: HtmlTranslation,
  to: string,
  translate: TextTranslate,
): Promise<HtmlTranslation & { repairs: NameRepair[] }> {
  const translated = runTexts(body.html);
  const { texts, repairs } = await substituteNames(runTexts(sourceHtml).join('\n'), translated, to, translate);
  const edits = new Map(translated.map((text, i) => [text, texts[i]!]));
  return { ...body, html: repairs.length ? editRunTexts(body.html, (text) => edits.get(text)) : body.html, repairs };
}
