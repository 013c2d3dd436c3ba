/**
 * Body blocks as plain text, in reading order. The tree is walked (never `textContent`, which glues the
 * last word of one paragraph to the first of the next): every block element starts and ends a block,
 * a <br> is a line break and two in a row end a paragraph, table cells are joined with " | ". Inline
 * tags add nothing, so "<strong>Kim</strong>father" stays as the page wrote it.
 */
import { childrenOf, collapse, isElement, isTextNode, tagOf, type DomElement, type DomNode } from './dom.js';

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'legend',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
]);

/** Never read: code, styles, controls and embedded documents. */
const SKIPPED_TAGS = new Set([
  'button',
  'canvas',
  'head',
  'iframe',
  'input',
  'noscript',
  'object',
  'script',
  'select',
  'style',
  'svg',
  'template',
  'textarea',
  'title',
  'video',
  'audio',
]);

const EXIT = Symbol('exit');
type Step = DomNode | typeof EXIT;

/** The plain-text blocks of `root`, whitespace collapsed, empty ones dropped; elements for which `skip`
 *  says true are read as absent. */
export function blockTexts(root: DomElement, skip?: (el: DomElement) => boolean): string[] {
  const blocks: string[] = [];
  let buffer = '';
  const flush = () => {
    if (buffer === '') return; // blocks open and close around nothing more often than around text
    if (buffer.indexOf('\n') === -1) {
      const text = collapse(buffer); // one line: nothing to split
      if (text) blocks.push(text);
    } else {
      for (const part of buffer.split(/\n[^\S\n]*\n/)) {
        const text = collapse(part);
        if (text) blocks.push(text);
      }
    }
    buffer = '';
  };
  const stack: Step[] = [root];
  while (stack.length > 0) {
    const step = stack.pop()!;
    if (step === EXIT) {
      flush();
      continue;
    }
    if (isTextNode(step)) {
      buffer += step.data;
      continue;
    }
    if (!isElement(step)) continue;
    const tag = tagOf(step);
    if (SKIPPED_TAGS.has(tag) || skip?.(step)) continue;
    if (tag === 'br') buffer += '\n';
    else if (tag === 'td' || tag === 'th') buffer += buffer.trim() ? ' | ' : '';
    else if (BLOCK_TAGS.has(tag)) {
      flush();
      stack.push(EXIT);
    } else if (tag === 'img' || tag === 'wbr') buffer += tag === 'img' ? ' ' : '';
    const kids = childrenOf(step);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  flush();
  return blocks;
}
