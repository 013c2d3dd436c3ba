/**
 * Hostile inputs the attack suite writes itself: deep markup, feeds that carry it, and XSS payloads
 * meant for every stored field. Builders, so a test asks for the size it can afford.
 */

/** `depth` nested elements around a word, closed or left open. */
export function deepMarkup(depth: number, tag = 'b', closed = true): string {
  return `${`<${tag}>`.repeat(depth)}deep${closed ? `</${tag}>`.repeat(depth) : ''}`;
}

/** An RSS 2.0 feed whose items carry `description` as escaped markup (how publishers send it). */
export function rssWith(items: Array<{ title: string; link: string; description: string }>): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Hostile</title><link>https://hostile.example/</link><description>x</description>
${items
  .map(
    (i) =>
      `<item><title>${escape(i.title)}</title><link>${escape(i.link)}</link><description>${escape(i.description)}</description></item>`,
  )
  .join('\n')}
</channel></rss>`;
}

/**
 * Script in every shape the attack run used: tags, handlers, URLs, markup that browsers repair,
 * entity-escaped forms (publishers escape their og:description once; a reader unescapes it).
 */
export const XSS_PAYLOADS: readonly string[] = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '<svg onload="window.__pwned=1"></svg>',
  '<svg><script>window.__pwned=1</script></svg>',
  '<iframe src="javascript:window.__pwned=1"></iframe>',
  '<a href="javascript:window.__pwned=1">click</a>',
  '<a href="jav&#x09;ascript:window.__pwned=1">tab</a>',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=1">',
  '<form action="/admin/sources" method="post"><button>go</button></form>',
  '<style>body{display:none}</style>',
  '<body onload="window.__pwned=1">',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=1"></style></mglyph></table></mtext></math>',
  '<noscript><p title="</noscript><img src=x onerror=window.__pwned=1>">',
  '"><img src=x onerror=window.__pwned=1>',
  "'><script>window.__pwned=1</script>",
  '&lt;img src=x onerror=window.__pwned=1&gt;',
  '&lt;script&gt;window.__pwned=1&lt;/script&gt;',
  ']]><script>window.__pwned=1</script><![CDATA[',
  '<object data="data:text/html,<script>window.__pwned=1</script>"></object>',
  '<embed src="data:text/html,<script>window.__pwned=1</script>">',
  '<base href="javascript:/">',
  '<link rel="stylesheet" href="javascript:window.__pwned=1">',
  '<details open ontoggle="window.__pwned=1">',
  '<video><source onerror="window.__pwned=1"></video>',
  '<input autofocus onfocus="window.__pwned=1">',
  '<template><script>window.__pwned=1</script></template>',
];
