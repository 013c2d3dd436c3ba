/**
 * Runs of a translated document rewritten in place (body-names.ts puts repaired names back): only the
 * words that differ are rewritten, inside the text nodes that hold them, so each run's inline tags
 * stay around the words they wrapped ("<b>Pink House</b>" becomes "<b>Casa Rosada</b>").
 */
import { bodyRuns, collapseSpace, type DomNode } from './html.js';

/** `edit` gets each run's text, whitespace collapsed, and returns its new text or undefined to keep it. */
export function editRunTexts(html: string, edit: (text: string) => string | undefined): string {
  const body = bodyRuns(html);
  for (const nodes of body.runs) {
    const texts = nodes.flatMap(textNodes);
    const raw = texts.map((n) => n.textContent ?? '').join('');
    const old = collapseSpace(raw);
    const wanted = edit(old);
    if (wanted === undefined || wanted === old) continue;
    const rawAt = collapsedToRaw(raw);
    // Right to left, so the offsets of the hunks still to apply stay valid.
    for (const hunk of hunks(old, wanted).reverse()) {
      const start = rawAt[hunk.start]!;
      const end = hunk.end === hunk.start ? start : rawAt[hunk.end - 1]! + 1;
      replaceRaw(texts, start, end, hunk.text);
    }
  }
  return body.serialize();
}

function textNodes(node: DomNode): DomNode[] {
  if (node.nodeType === 3) return [node];
  return node.nodeType === 1 ? Array.from(node.childNodes).flatMap(textNodes) : [];
}

interface Hunk {
  /** Offsets in the old text. */
  start: number;
  end: number;
  text: string;
}

const tokenPattern = /\s+|[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;

/**
 * The old text's changed spans and what replaces each, from a longest common subsequence of words,
 * spaces and marks. Above a million cells (two runs of ~1,000 words) one span from the first to the
 * last difference is rewritten instead.
 */
function hunks(old: string, wanted: string): Hunk[] {
  const a = [...old.matchAll(tokenPattern)].map((m) => ({ text: m[0], at: m.index }));
  const b = [...wanted.matchAll(tokenPattern)].map((m) => m[0]);
  if (a.length * b.length > 1_000_000) return [oneSpan(old, wanted)];
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i -= 1)
    for (let j = b.length - 1; j >= 0; j -= 1)
      lcs[i]![j] = a[i]!.text === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: Hunk[] = [];
  let i = 0;
  let j = 0;
  let open: Hunk | null = null;
  const at = (k: number) => (k < a.length ? a[k]!.at : old.length);
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i]!.text === b[j]) {
      if (open) out.push(open);
      open = null;
      i += 1;
      j += 1;
      continue;
    }
    open ??= { start: at(i), end: at(i), text: '' };
    if (j < b.length && (i === a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) open.text += b[j++];
    else open.end = at(++i);
  }
  if (open) out.push(open);
  return out.map((h) => slideLeft(h, old));
}

/** "López " inserted after "Ana " is " López" after "Ana": it then joins the word before it (replaceRaw). */
function slideLeft(hunk: Hunk, old: string): Hunk {
  const pure = hunk.start === hunk.end;
  if (!pure || !/\S\s$/.test(hunk.text) || !/\s/.test(old[hunk.start - 1] ?? '')) return hunk;
  return { start: hunk.start - 1, end: hunk.end - 1, text: ` ${hunk.text.slice(0, -1)}` };
}

function oneSpan(old: string, wanted: string): Hunk {
  let prefix = 0;
  while (prefix < old.length && prefix < wanted.length && old[prefix] === wanted[prefix]) prefix += 1;
  let suffix = 0;
  while (
    suffix < old.length - prefix &&
    suffix < wanted.length - prefix &&
    old[old.length - 1 - suffix] === wanted[wanted.length - 1 - suffix]
  )
    suffix += 1;
  return { start: prefix, end: old.length - suffix, text: wanted.slice(prefix, wanted.length - suffix) };
}

/**
 * Replaces raw[start, end) of the run's text nodes by `text`, written into the node where it starts.
 * An insertion that starts with a space continues the words before it (" López" after "<a>Ana</a>"),
 * so it goes into the node that ends there.
 */
function replaceRaw(
  texts: DomNode[],
  start: number,
  end: number,
  text: string,
  leanLeft = start === end && /^\s/.test(text),
): void {
  let offset = 0;
  let written = false;
  texts.forEach((node, k) => {
    const value = node.textContent ?? '';
    const from = Math.max(start - offset, 0);
    const to = Math.max(Math.min(end - offset, value.length), from);
    const holdsStart = leanLeft
      ? start > offset && start <= offset + value.length
      : start < offset + value.length || (k === texts.length - 1 && start <= offset + value.length);
    if (!written && holdsStart) {
      node.textContent = value.slice(0, from) + text + value.slice(to);
      written = true;
    } else if (written && from < to) {
      node.textContent = value.slice(0, from) + value.slice(to);
    }
    offset += value.length;
  });
  if (!written && leanLeft) replaceRaw(texts, start, end, text, false);
}

/** For each character of collapseSpace(raw), its index in raw; one more entry for the end. */
function collapsedToRaw(raw: string): number[] {
  const out: number[] = [];
  let space = -1;
  for (let i = 0; i < raw.length; i += 1) {
    if (/\s/.test(raw[i]!)) {
      if (out.length && space < 0) space = i;
      continue;
    }
    if (space >= 0) out.push(space);
    space = -1;
    out.push(i);
  }
  out.push(out.length ? out.at(-1)! + 1 : 0);
  return out;
}
