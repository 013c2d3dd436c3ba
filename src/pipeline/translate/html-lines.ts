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
 * (it is translated as plain text). A line is one run, or consecutive runs joined by a space: the
 * extractor writes a `<br>` or an `<img>` inside a paragraph as a space where html.ts ends a run
 * (AEB's 4,609 paragraphs: those sent to the engine a second time, as plain text, 224 -> 204;
 * table rows written "a | b | c" are most of the rest).
 */
export function paragraphsFromRuns(paragraphs: string[], runs: RunPair[]): Array<string | null> {
  const translations = runMap(runs);
  return paragraphs.map((paragraph) => {
    const lines = paragraph.split('\n').map((line) => {
      const key = collapseSpace(line);
      return key ? (translations.get(key) ?? joinedRuns(key, runs)) : '';
    });
    return lines.every((line) => line !== undefined) ? lines.join('\n') : null;
  });
}

/** The translation of `line` when it is runs i, i+1, … joined by single spaces (the first such i), else undefined. */
function joinedRuns(line: string, runs: RunPair[]): string | undefined {
  for (let i = 0; i < runs.length; i += 1) {
    if (!line.startsWith(runs[i]![0])) continue;
    let at = runs[i]![0].length;
    let j = i + 1;
    while (at < line.length && j < runs.length && line[at] === ' ' && line.startsWith(runs[j]![0], at + 1)) {
      at += 1 + runs[j]![0].length;
      j += 1;
    }
    if (at === line.length && j > i + 1)
      return runs
        .slice(i, j)
        .map(([, translated]) => translated)
        .join(' ');
  }
  return undefined;
}

/** Source text → translation; the first run wins when a text occurs twice. */
function runMap(runs: RunPair[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const [source, translated] of runs) if (!out.has(source)) out.set(source, translated);
  return out;
}
