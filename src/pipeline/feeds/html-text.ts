/**
 * Markup to text in one pass over the input, linear in its length whatever the nesting: the
 * tokenizer of htmlparser2 alone, with no tree and no open-element stack. A DOM (linkedom) took
 * quadratic time on deep markup: 200,000 nested tags in an RSS description took 7.7 s, a 5 MB
 * feed over 300 s, and /healthz waited (issue 15, finding 3). Nesting costs nothing here, so
 * there is nothing to cap; text at any depth is kept, flattened.
 */
import { Tokenizer } from 'htmlparser2';

/** Elements whose text is never reader-visible prose. */
const DROPPED = new Set('script style noscript template iframe object embed svg math head title textarea'.split(' '));
/** Elements that end a run of text: their edges become spaces so words do not run together. */
const BLOCK = new Set(
  'address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table td th tr ul'.split(
    ' ',
  ),
);

export function markupText(html: string): string {
  const parts: string[] = [];
  let dropping: string | null = null;
  let dropDepth = 0;
  let opened = '';
  const name = (start: number, end: number) => html.slice(start, end).toLowerCase();
  const keep = (text: string) => {
    if (dropping === null) parts.push(text);
  };
  const open = (tag: string) => {
    opened = tag;
    if (dropping === tag) dropDepth++;
    else if (dropping === null && DROPPED.has(tag)) {
      dropping = tag;
      dropDepth = 1;
    }
    if (BLOCK.has(tag)) keep(' ');
  };
  const close = (tag: string) => {
    if (BLOCK.has(tag)) keep(' ');
    if (dropping === tag && --dropDepth === 0) dropping = null;
  };
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      ontext: (start, end) => keep(html.slice(start, end)),
      ontextentity: (codepoint) => keep(codepoint > 0 && codepoint <= 0x10ffff ? String.fromCodePoint(codepoint) : ' '),
      onopentagname: (start, end) => open(name(start, end)),
      onclosetag: (start, end) => close(name(start, end)),
      onselfclosingtag: () => close(opened),
      onopentagend: () => {},
      onattribdata: () => {},
      onattribentity: () => {},
      onattribend: () => {},
      onattribname: () => {},
      oncdata: (start, end) => keep(html.slice(start, end)),
      oncomment: () => {},
      ondeclaration: () => {},
      onprocessinginstruction: () => {},
      onend: () => {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return parts.join('');
}
