/**
 * A loopback publisher of many synthetic outlets, for crash tests and `npm run bench:ingest`.
 * Each outlet listens on its own loopback address (127.0.0.2, 127.0.0.3, …: all of 127/8 is
 * loopback on Linux) so it is its own host to the per-host queues and politeness delays, like
 * real publishers. Text is generated from a seed: every article is different enough that dedupe
 * keeps it apart, and the same seed gives the same pages.
 */
import { createServer, type Server } from 'node:http';
import { escapeHtml } from '../demo/html.js';

export interface SyntheticPublisher {
  feeds: { url: string; name: string }[];
  /** Every article URL, for checks ("each stored once"). */
  articleUrls: string[];
  /** How many times each feed URL was requested. */
  feedHits: Map<string, number>;
  close(): Promise<void>;
}

export interface SyntheticOptions {
  sources: number;
  articlesPerSource: number;
  /** Paragraphs per article (8: a short news story of ~400 words). */
  paragraphs?: number;
  language?: 'en' | 'es';
}

const words = {
  en: 'harbour council budget minister river storm school hospital train bridge market election court police farmer museum festival company workers strike energy price water city village mayor report plan road airport science study teachers students doctors nurses football match season coach players record growth tourism winter summer flood fire forest coast island mountain museum library theatre concert artist film director music bank loan tax rent housing'.split(
    ' ',
  ),
  es: 'puerto consejo presupuesto ministro río tormenta escuela hospital tren puente mercado elección tribunal policía agricultor museo festival empresa trabajadores huelga energía precio agua ciudad pueblo alcalde informe plan carretera aeropuerto ciencia estudio profesores estudiantes médicos enfermeras fútbol partido temporada entrenador jugadores récord crecimiento turismo invierno verano inundación incendio bosque costa isla montaña biblioteca teatro concierto artista película director música banco préstamo impuesto alquiler vivienda'.split(
    ' ',
  ),
};
const glue = {
  en: ['the', 'of', 'and', 'in', 'on', 'said', 'after', 'with', 'for', 'new'],
  es: ['el', 'de', 'y', 'en', 'la', 'dijo', 'tras', 'con', 'para', 'nuevo'],
};

/** mulberry32: a tiny seeded PRNG, so pages are the same on every request. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(next: () => number, lang: 'en' | 'es', id: number): string {
  const pick = (list: string[]) => list[Math.floor(next() * list.length)]!;
  const parts = Array.from({ length: 10 + Math.floor(next() * 8) }, (_, i) =>
    i % 2 ? pick(glue[lang]) : pick(words[lang]),
  );
  // A number unique to the article in most sentences keeps near-duplicate detection honest.
  parts.splice(3, 0, String(id * 7 + Math.floor(next() * 1000)));
  const text = parts.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function articleHtml(
  source: number,
  article: number,
  options: Required<SyntheticOptions>,
): { title: string; html: string } {
  const id = source * 100_000 + article;
  const next = random(id);
  const title = `${sentence(next, options.language, id).slice(0, 60).replace(/\.$/, '')} ${id}`;
  const paragraphs = Array.from(
    { length: options.paragraphs },
    () => `<p>${escapeHtml([1, 2, 3].map(() => sentence(next, options.language, id)).join(' '))}</p>`,
  );
  const html = `<!doctype html><html lang="${options.language}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta property="og:title" content="${escapeHtml(title)}"></head><body><header><nav><a href="/">Outlet ${source}</a></nav></header>
<main><article><h1>${escapeHtml(title)}</h1><p class="byline">By Reporter ${source}</p>${paragraphs.join('\n')}</article></main>
<footer>Outlet ${source}</footer></body></html>`;
  return { title, html };
}

function feedXml(origin: string, source: number, options: Required<SyntheticOptions>): string {
  const base = Date.UTC(2026, 10, 1);
  const items = Array.from({ length: options.articlesPerSource }, (_, a) => {
    const { title } = articleHtml(source, a, options);
    const url = `${origin}/a/${a}`;
    return `<item><title>${escapeHtml(title)}</title><link>${url}</link><guid>${url}</guid><pubDate>${new Date(base + a * 60_000).toUTCString()}</pubDate></item>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Outlet ${source}</title><link>${origin}/</link><description>Synthetic</description>${items.join('')}</channel></rss>`;
}

export async function startSyntheticPublisher(input: SyntheticOptions): Promise<SyntheticPublisher> {
  const options = { paragraphs: 8, language: 'en' as const, ...input };
  const servers: Server[] = [];
  const feeds: SyntheticPublisher['feeds'] = [];
  const articleUrls: string[] = [];
  const feedHits = new Map<string, number>();
  for (let s = 0; s < options.sources; s++) {
    // 127.0.0.2 onwards, 254 per /24, then the next /24.
    const host = `127.0.${Math.floor((s + 2) / 254)}.${((s + 2) % 254) + 1}`;
    const server = createServer((req, res) => {
      const origin = `http://${host}:${(server.address() as { port: number }).port}`;
      const path = (req.url ?? '/').split('?')[0]!;
      const article = /^\/a\/(\d+)$/.exec(path);
      if (path === '/feed.xml') {
        feedHits.set(`${origin}/feed.xml`, (feedHits.get(`${origin}/feed.xml`) ?? 0) + 1);
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(feedXml(origin, s, options));
      } else if (article && Number(article[1]) < options.articlesPerSource) {
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(articleHtml(s, Number(article[1]), options).html);
      } else if (path === '/robots.txt') {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
      } else res.writeHead(404).end('not found');
    });
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, host, resolve));
    servers.push(server);
    const origin = `http://${host}:${(server.address() as { port: number }).port}`;
    feeds.push({ url: `${origin}/feed.xml`, name: `Outlet ${s}` });
    for (let a = 0; a < options.articlesPerSource; a++) articleUrls.push(`${origin}/a/${a}`);
  }
  return {
    feeds,
    articleUrls,
    feedHits,
    close: () =>
      Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve())))).then(() => undefined),
  };
}
