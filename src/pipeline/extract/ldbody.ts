/**
 * A body the page states only in its JSON-LD articleBody (pages rendered by script, whose HTML holds a
 * shell and the structured data). Paragraphs are the articleBody's lines; the root is a detached <div>
 * of <p>s so the rest of extraction reads it like any body.
 */
import { collapse, parseFragment, type DomElement } from './dom.js';

/** Shorter than this, an articleBody is a summary, not the story (two short sentences). */
const MIN_BODY_CHARS = 150;

export function articleBodyRoot(articleBody: string | null): DomElement | null {
  const paragraphs = (articleBody ?? '').split(/\r?\n/).map(collapse).filter(Boolean);
  if (paragraphs.join(' ').length < MIN_BODY_CHARS) return null;
  return parseFragment(paragraphs.map((text) => `<p>${escapeText(text)}</p>`).join(''));
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
