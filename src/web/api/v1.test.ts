import { describe, expect, it } from 'vitest';
import { testApp, translatedArticle } from '../web.testkit.js';
import { MAX_API_LIMIT } from './v1.js';

describe('/api/v1', () => {
  it('lists articles with limit and offset, each carrying pagePath', async () => {
    const { app, data } = testApp();
    const res = await app.request('/api/v1/articles?limit=2&offset=1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as {
      articles: { id: number; pagePath: string }[];
      limit: number;
      offset: number;
      nextOffset: number | null;
    };
    expect(body.limit).toBe(2);
    expect(body.offset).toBe(1);
    expect(body.nextOffset).toBe(3);
    expect(body.articles.map((a) => a.id)).toEqual([2, 3]);
    for (const a of body.articles) expect(a.pagePath).toMatch(new RegExp(`^/article/${a.id}/[a-z0-9-]+$`));
    expect(data.calls.at(-1)).toEqual({ limit: 2, offset: 1 });
  });

  it('says there is no next page after a short one', async () => {
    const body = (await (await testApp().app.request('/api/v1/articles?limit=5')).json()) as {
      articles: unknown[];
      nextOffset: number | null;
    };
    expect(body.articles).toHaveLength(3);
    expect(body.nextOffset).toBeNull();
  });

  it('returns one article with its texts and pagePath', async () => {
    const res = await testApp().app.request('/api/v1/articles/1');
    expect(res.status).toBe(200);
    const body = (await res.json()) as typeof translatedArticle;
    expect(body.pagePath).toBe(translatedArticle.pagePath);
    expect(body.translation?.engine).toBe('apertium');
    expect(body.original.language).toBe('es');
  });

  it('answers 404 as JSON for a missing article or route', async () => {
    const { app } = testApp();
    for (const url of ['/api/v1/articles/999', '/api/v1/articles/abc', '/api/v1/nothing']) {
      const res = await app.request(url);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(((await res.json()) as { error: string }).error).toBeTruthy();
    }
  });

  it('answers 400 as JSON for a bad limit', async () => {
    const { app } = testApp();
    for (const q of [`limit=${MAX_API_LIMIT + 1}`, 'limit=0', 'offset=-1', 'limit=ten']) {
      const res = await app.request(`/api/v1/articles?${q}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(/limit|offset/);
    }
  });

  it('lists sources', async () => {
    const body = (await (await testApp().app.request('/api/v1/sources')).json()) as { sources: { name: string }[] };
    expect(body.sources.map((s) => s.name)).toEqual(['Diario de Ejemplo', 'Le Journal Exemple']);
  });
});
