/**
 * Name repair (name-repair.ts) over an article body's HTML translation: each run is checked against
 * its source run, and a repaired run is written back into the HTML in place, so the page (which shows
 * the HTML) and the paragraphs (read out of the runs, html-lines.ts) say the same.
 */
import type { NameRepair } from '../../model.js';
import type { HtmlTranslation, RunPair } from './html.js';
import { editRunTexts } from './html-edit.js';
import { repairNames, type TextTranslate } from './name-repair.js';

export async function repairBodyNames(
  body: HtmlTranslation,
  to: string,
  translate: TextTranslate,
): Promise<HtmlTranslation & { repairs: NameRepair[] }> {
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
