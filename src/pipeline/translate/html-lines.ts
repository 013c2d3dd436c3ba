/**
 * The article's plain paragraphs read out of its HTML translation, so the body goes through the
 * engine once (it went twice, as HTML and again as paragraphs: half the ingest rate with translation).
 * The HTML translation says what each run became (html.ts: text and inline elements between block
 * tags, `<br>` and `<img>`), and a paragraph line equal to a source run takes its translation. The
 * runs are cut in html.ts only; nothing here walks HTML by a rule of its own.
 */
import { collapseSpace, runTexts, type RunPair } from './html.js';

/**
 * The runs of HTML a service translated (it gives no pairs): run i of the source translates to run
 * i of the output, both cut by html.ts's rule; none when the two have different numbers of runs.
 */
export function runsByPosition(sourceHtml: string, translatedHtml: string): RunPair[] {
  const source = runTexts(sourceHtml);
  const translated = runTexts(translatedHtml);
  return source.length === translated.length ? source.map((text, i) => [text, translated[i]!]) : [];
}

/**
 * Two hops' runs as one (source → pivot → target): a first-hop run whose translation is a run of the
 * second hop takes that run's translation.
 */
export function chainRuns(first: RunPair[], second: RunPair[]): RunPair[] {
  const next = runMap(second);
  return first.flatMap(([source, pivot]): RunPair[] => {
    const translated = next.get(pivot);
    return translated === undefined ? [] : [[source, translated]];
  });
}

/**
 * The paragraphs' translations from the runs, or null for a paragraph with a line no run matches
 * (it is translated as plain text).
 */
export function paragraphsFromRuns(paragraphs: string[], runs: RunPair[]): Array<string | null> {
  const translations = runMap(runs);
  return paragraphs.map((paragraph) => {
    const lines = paragraph.split('\n').map((line) => {
      const key = collapseSpace(line);
      return key ? translations.get(key) : '';
    });
    return lines.every((line) => line !== undefined) ? lines.join('\n') : null;
  });
}

/** Source text → translation; the first run wins when a text occurs twice. */
function runMap(runs: RunPair[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const [source, translated] of runs) if (!out.has(source)) out.set(source, translated);
  return out;
}
