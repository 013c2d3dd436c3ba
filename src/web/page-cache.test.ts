import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { ifModifiedSince, pageCache } from './page-cache.js';
import { testApp, untranslatedArticle } from './web.testkit.js';

function counterApp(now: () => number) {
  let renders = 0;
  const app = new Hono();
  app.use(pageCache({ ttlMs: 1000, now }).middleware);
  app.get('/', (c) => c.text(`render ${++renders}`));
  app.get('/missing', (c) => c.text('no', 404));
  return app;
}

describe('page cache', () => {
  it('reuses an anonymous GET answer for its TTL, then renders again', async () => {
    let t = 0;
    const app = counterApp(() => t);
    expect(await (await app.request('/')).text()).toBe('render 1');
    t = 999;
    expect(await (await app.request('/')).text()).toBe('render 1');
    t = 1000;
    expect(await (await app.request('/')).text()).toBe('render 2');
    expect(await (await app.request('/', { headers: { Cookie: 'a=b' } })).text()).toBe('render 3');
  });

  it('does not keep errors', async () => {
    const app = counterApp(() => 0);
    expect((await app.request('/missing')).status).toBe(404);
    expect((await app.request('/missing')).status).toBe(404);
  });

  it('still counts a reader’s view when the article page comes from the cache', async () => {
    const { app, data } = testApp();
    const headers = { 'User-Agent': 'Mozilla/5.0 Firefox/128.0' };
    // Two readers: a client counts once per article per day (view-once.ts).
    await app.request(
      untranslatedArticle.pagePath,
      { headers },
      { incoming: { socket: { remoteAddress: '192.0.2.1' } } },
    );
    await app.request(
      untranslatedArticle.pagePath,
      { headers },
      { incoming: { socket: { remoteAddress: '192.0.2.2' } } },
    );
    expect(data.views).toEqual([untranslatedArticle.id, untranslatedArticle.id]);
  });

  it('answers 304 to If-Modified-Since at or after Last-Modified', async () => {
    const app = new Hono();
    app.use(ifModifiedSince);
    app.get('/', (c) => {
      c.header('Last-Modified', 'Tue, 07 May 2024 08:15:00 GMT');
      return c.text('x');
    });
    expect((await app.request('/', { headers: { 'If-Modified-Since': 'Tue, 07 May 2024 08:15:00 GMT' } })).status).toBe(
      304,
    );
    expect((await app.request('/', { headers: { 'If-Modified-Since': 'Tue, 07 May 2024 08:14:59 GMT' } })).status).toBe(
      200,
    );
  });
});

describe('page cache under load', () => {
  it('renders a page once for concurrent first requests', async () => {
    let renders = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const app = new Hono();
    app.use(pageCache({ ttlMs: 1000, now: () => 0 }).middleware);
    app.get('/', async (c) => {
      renders += 1;
      await gate;
      return c.text('page');
    });
    const answers = Array.from({ length: 5 }, () => app.request('/'));
    release();
    const texts = await Promise.all(answers.map(async (r) => (await r).text()));
    expect(texts).toEqual(Array(5).fill('page'));
    expect(renders).toBe(1);
  });
});

describe('page cache: addresses kept only when asked again (searches)', () => {
  function searchApp(now: () => number, slow?: Promise<void>) {
    let renders = 0;
    const app = new Hono();
    app.use(pageCache({ ttlMs: 1000, now, keepWhenAskedAgain: (path) => path === '/search' }).middleware);
    app.get('/search', async (c) => {
      renders += 1;
      const n = renders;
      await slow;
      return c.text(`${c.req.query('q')} ${n}`);
    });
    app.get('/', (c) => c.text(`front ${++renders}`));
    return { app, renders: () => renders };
  }
  const text = async (answer: Response | Promise<Response>) => (await answer).text();

  it('keeps a search only from its second ask within the TTL; other pages from the first', async () => {
    let t = 0;
    const { app } = searchApp(() => t);
    expect(await text(app.request('/search?q=harbour'))).toBe('harbour 1');
    expect(await text(app.request('/search?q=harbour'))).toBe('harbour 2'); // asked again: rendered and kept
    expect(await text(app.request('/search?q=harbour'))).toBe('harbour 2');
    expect(await text(app.request('/'))).toBe('front 3');
    expect(await text(app.request('/'))).toBe('front 3');
    // Asked once, then again after the TTL: a first ask again, not kept.
    expect(await text(app.request('/search?q=storm'))).toBe('storm 4');
    t = 1000;
    expect(await text(app.request('/search?q=storm'))).toBe('storm 5');
    expect(await text(app.request('/search?q=storm'))).toBe('storm 6');
  });

  it('keeps a kept search again when its copy expires (it was asked again before)', async () => {
    let t = 0;
    const { app } = searchApp(() => t);
    await app.request('/search?q=harbour');
    await app.request('/search?q=harbour');
    t = 5000;
    expect(await text(app.request('/search?q=harbour'))).toBe('harbour 3');
    expect(await text(app.request('/search?q=harbour'))).toBe('harbour 3');
  });

  it('renders a burst of first asks once (a shared link), and keeps that answer', async () => {
    let release: () => void = () => undefined;
    const { app, renders } = searchApp(() => 0, new Promise<void>((resolve) => (release = resolve)));
    const answers = Array.from({ length: 5 }, () => app.request('/search?q=harbour'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    release();
    expect(await Promise.all(answers.map(text))).toEqual(Array(5).fill('harbour 1'));
    expect(await text(app.request('/search?q=harbour'))).toBe('harbour 1');
    expect(renders()).toBe(1);
  });
});

describe('page cache answers', () => {
  it('answers a repeat GET from the stored copy with its ETag, and 304 to If-None-Match', async () => {
    let renders = 0;
    const app = new Hono();
    app.use(pageCache({ ttlMs: 1000, now: () => 0 }).middleware);
    app.get('/', (c) => c.text(`render ${++renders}`));
    const first = await app.request('/');
    const second = await app.request('/');
    expect(await second.text()).toBe('render 1');
    const tag = second.headers.get('etag');
    expect(tag).toMatch(/^"[0-9a-f]{40}"$/);
    expect(second.headers.get('content-length')).toBe(String('render 1'.length));
    expect(first.headers.get('etag') ?? tag).toBe(tag);
    const revalidated = await app.request('/', { headers: { 'If-None-Match': `W/${tag}` } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('etag')).toBe(tag);
    expect((await app.request('/', { headers: { 'If-None-Match': '"other"' } })).status).toBe(200);
    expect(renders).toBe(1);
  });

  it('answers with the expired copy while one request renders the fresh one', async () => {
    let t = 0;
    let renders = 0;
    let release: () => void = () => undefined;
    const app = new Hono();
    app.use(pageCache({ ttlMs: 1000, now: () => t }).middleware);
    app.get('/', async (c) => {
      renders += 1;
      if (renders === 2) await new Promise<void>((resolve) => (release = resolve));
      return c.text(`render ${renders}`);
    });
    await app.request('/');
    t = 5000;
    const refreshing = app.request('/');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await (await app.request('/')).text()).toBe('render 1'); // stale, not queued behind the render
    release();
    expect(await (await refreshing).text()).toBe('render 2');
    expect(await (await app.request('/')).text()).toBe('render 2');
  });
});

describe('page cache: the raw node:http path', () => {
  function fakeExchange(url: string, headers: Record<string, string> = {}, method = 'GET') {
    const written: { status?: number; headers?: Record<string, string>; body?: unknown } = {};
    const req = { method, url, headers: { host: 'news.test', ...headers } };
    const res = {
      writeHead: (status: number, h: Record<string, string>) => Object.assign(written, { status, headers: h }),
      end: (body?: unknown) => Object.assign(written, { body }),
    };
    return { req: req as never, res: res as never, written };
  }

  it('answers only fresh entries the middleware stored, and counts each 200 it gives', async () => {
    let t = 0;
    const cache = pageCache({ ttlMs: 1000, now: () => t });
    const app = new Hono();
    app.use(cache.middleware);
    app.get('/page', (c) => c.text('hello'));
    const miss = fakeExchange('/page');
    expect(cache.answerRaw(miss.req, miss.res)).toBe(false); // nothing stored yet
    await app.request('http://news.test/page');
    const hits: string[] = [];
    const hit = fakeExchange('/page');
    expect(cache.answerRaw(hit.req, hit.res, (path) => hits.push(path))).toBe(true);
    expect(hit.written.status).toBe(200);
    expect(Buffer.from(hit.written.body as Uint8Array).toString()).toBe('hello');
    expect(hits).toEqual(['/page']);
    const conditional = fakeExchange('/page', { 'if-none-match': hit.written.headers!.etag! });
    expect(cache.answerRaw(conditional.req, conditional.res, (path) => hits.push(path))).toBe(true);
    expect(conditional.written.status).toBe(304);
    expect(hits).toHaveLength(1);
    for (const [url, headers, method] of [
      ['/page', { cookie: 'a=b' }, 'GET'],
      ['/page', {}, 'POST'],
      ['/other', {}, 'GET'],
    ] as const) {
      const passed = fakeExchange(url, headers, method);
      expect(cache.answerRaw(passed.req, passed.res), `${method} ${url}`).toBe(false);
    }
    t = 1000; // expired: the app renders (and the middleware serves the stale copy while it does)
    const expired = fakeExchange('/page');
    expect(cache.answerRaw(expired.req, expired.res)).toBe(false);
  });
});
