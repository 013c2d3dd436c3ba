/**
 * The site's whole stylesheet (~3.4 KB), served as one file whose address names its content
 * (`STYLESHEET_PATH`), cached by browsers for a year. It was inlined in every page's <head> while it
 * was ~2 KB; at 3.4 KB it was a fifth of a search page, re-sent on every page a reader opens (and
 * encoded, hashed and written by the server each time), so a file read once is cheaper for both.
 * System fonts, light and dark via prefers-color-scheme, one column that narrows on phones.
 */
import { createHash } from 'node:crypto';

export const STYLES = `
:root{color-scheme:light dark;--fg:#1b1b1b;--muted:#5a5a5a;--bg:#fdfdfb;--line:#dedbd2;--link:#0b57a4;--accent:#f3efe4}
@media (prefers-color-scheme:dark){:root{--fg:#ececec;--muted:#a8a8a8;--bg:#16171a;--line:#34363c;--link:#8ab8ff;--accent:#22242a}}
*{box-sizing:border-box}
body{margin:0;font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--link)}
.skip-link{position:absolute;left:.5rem;top:-3rem;padding:.5rem 1rem;background:var(--fg);color:var(--bg);z-index:1}
.skip-link:focus{top:.5rem}
header,main,footer{max-width:46rem;margin:0 auto;padding:0 1rem}
header{display:flex;flex-wrap:wrap;gap:1rem;align-items:baseline;justify-content:space-between;padding-block:1rem;border-bottom:1px solid var(--line)}
.brand{font-weight:700;font-size:1.25rem;text-decoration:none;color:var(--fg)}
nav ul{display:flex;gap:1rem;list-style:none;margin:0;padding:0}
main{padding-block:1.5rem}
main:focus{outline:none}
footer{padding-block:2rem;color:var(--muted);font-size:.875rem;border-top:1px solid var(--line)}
h1{font-size:clamp(1.6rem,4vw,2.2rem);line-height:1.2;margin:.2em 0}
.meta,.note,figcaption{color:var(--muted);font-size:.9rem}
.note{background:var(--accent);padding:.6rem .8rem;border-radius:4px}
.subtitle{font-size:1.2rem;color:var(--muted);margin:.2em 0 .8em}
.list{list-style:none;padding:0;margin:0}
.list>li{padding:1rem 0;border-bottom:1px solid var(--line)}
.list h2{font-size:1.2rem;margin:0 0 .2rem;line-height:1.3}
.list p{margin:.2rem 0}
figure{margin:1rem 0}
img{max-width:100%;height:auto;display:block}
.lead-image{width:100%;aspect-ratio:16/9;object-fit:cover;background:var(--accent)}
.views{display:flex;gap:.75rem;flex-wrap:wrap;list-style:none;padding:0}
.views [aria-current]{font-weight:700;text-decoration:none;color:var(--fg)}
.bilingual{width:100%;border-collapse:collapse;table-layout:fixed;font-size:.95rem}
.bilingual caption{text-align:start}
.bilingual th,.bilingual td{vertical-align:top;text-align:start;padding:.4rem .6rem;border-top:1px solid var(--line);overflow-wrap:break-word}
.bilingual .titles td{font-weight:700}
.chips,.share-links{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0}
.chips a{display:inline-block;padding:.15rem .6rem;border:1px solid var(--line);border-radius:1rem;text-decoration:none}
.compact>li{padding:.5rem 0}.list h3{font-size:1.05rem;margin:0 0 .2rem;line-height:1.3}
.share-link{width:100%;max-width:30rem;font:inherit;padding:.3rem}
input,select,button{max-width:100%;font:inherit;color:inherit;background:var(--bg);border:1px solid var(--muted);border-radius:4px;padding:.3rem .5rem}
button{background:var(--link);color:var(--bg);border:0;cursor:pointer}
form p{margin:.5rem 0}
a:focus-visible,input:focus-visible,select:focus-visible,button:focus-visible{outline:3px solid var(--link);outline-offset:2px}
.pager{display:flex;justify-content:space-between;margin-top:1.5rem}
table.sources,table.models{width:100%;border-collapse:collapse;font-size:.95rem}
table.models caption{text-align:start;font-weight:600;padding:.4rem 0}
table.sources th,table.sources td,table.models th,table.models td{overflow-wrap:break-word;text-align:start;padding:.4rem;border-bottom:1px solid var(--line);vertical-align:top}
table.sources td:last-child,table.models td:last-child{overflow-wrap:anywhere;width:45%}
.field{display:inline-block;margin:0 .75rem .4rem 0}
table.sources .meta,table.models .meta{overflow-wrap:anywhere}
.with-thumb,.story.with-image{display:flex;gap:.8rem;align-items:flex-start}
.with-thumb>div,.story>div{min-width:0;flex:1}
.thumb,.story-image{flex:none;aspect-ratio:16/9;object-fit:cover;border-radius:3px;background:var(--accent)}
.thumb{width:8rem}.story-image{width:12.5rem}
.headlines{list-style:none;padding:0;margin:.3rem 0 0;font-size:.95rem}.headlines li{margin:.2rem 0}
@media (max-width:40rem){.thumb{width:5.5rem}.story.with-image{flex-direction:column}.story-image{width:100%}}
@media (max-width:40rem){.bilingual,.bilingual caption,.bilingual tbody,.bilingual tr,.bilingual td,.bilingual th{display:block}.bilingual thead{display:none}.bilingual td+td{border-top:0;padding-bottom:1rem}
table.sources,table.sources tbody,table.models,table.models tbody{display:block}table.sources thead,table.models thead{display:none}table.sources td,table.sources tbody th,table.models td,table.models th{display:block;border:0;padding:.1rem .4rem;width:auto}table.sources tr,table.models tr{display:block;border-bottom:1px solid var(--line);padding:.4rem 0}}
`
  .trim()
  .replace(/\n/g, '');

/** Where the stylesheet is served: a new stylesheet gets a new address, so the old one may be cached forever. */
export const STYLESHEET_PATH = `/assets/site.${createHash('sha1').update(STYLES).digest('hex').slice(0, 12)}.css`;
