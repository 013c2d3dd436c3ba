/**
 * The article's plain paragraphs read back out of its translated HTML, so the body goes through the
 * engine once (it went twice, as HTML and again as paragraphs: half the ingest rate with translation).
 * The source HTML and its translation are cut into the same runs html.ts translates (text and inline
 * elements between block tags, `<br>` and `<img>`); when both give as many runs, run i of the source
 * translates to run i of the output, and a paragraph line equal to a source run takes its translation.
 */
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { inlineTags, untranslatedTags } from './html.js';

/** Source run text → translated run text (whitespace collapsed); empty when the structures differ. */
export function translatedRuns(sourceHtml: string, translatedHtml: string): Map<string, string> {
  const source = runTexts(sourceHtml);
  const translated = runTexts(translatedHtml);
  const out = new Map<string, string>();
  if (source.length !== translated.length) return out;
  source.forEach((text, i) => {
    if (!out.has(text)) out.set(text, translated[i]!);
  });
  return out;
}

/**
 * The paragraphs' translations from the runs, or null for a paragraph with a line no run matches
 * (it is translated as plain text).
 */
export function paragraphsFromRuns(paragraphs: string[], runs: Map<string, string>): Array<string | null> {
  return paragraphs.map((paragraph) => {
    const lines = paragraph.split('\n').map((line) => {
      const key = collapse(line);
      return key ? runs.get(key) : '';
    });
    return lines.every((line) => line !== undefined) ? lines.join('\n') : null;
  });
}

function runTexts(html: string): string[] {
  const runs: string[] = [];
  collect(parseDocument(html).children, runs);
  return runs;
}

function collect(nodes: ChildNode[], runs: string[]): void {
  let current = '';
  const close = () => {
    const text = collapse(current);
    if (/\p{L}/u.test(text)) runs.push(text);
    current = '';
  };
  for (const node of nodes) {
    if (node.type === 'text') current += node.data;
    else if (isElement(node) && inlineTags.has(node.name.toUpperCase())) current += textOf(node);
    else {
      close();
      if (isElement(node) && !untranslatedTags.has(node.name.toUpperCase())) collect(node.children, runs);
    }
  }
  close();
}

function textOf(node: ChildNode): string {
  if (node.type === 'text') return node.data;
  return isElement(node) ? node.children.map(textOf).join('') : '';
}

function isElement(node: ChildNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
