import { describe, expect, it } from 'vitest';
import { testApp, translatedArticle } from '../web.testkit.js';

describe('API v1: search, sources, stories, OpenAPI', () => {
  it('searches with filters; every article carries pagePath', async () => {
    const { app } = testApp();
    const body = (await (await app.request('/api/v1/search?q=mobility')).json()) as {
      articles: { id: number; pagePath: string }[];
    };
    expect(body.articles.map((a) => a.pagePath)).toEqual([translatedArticle.pagePath]);
    expect(
      ((await (await app.request('/api/v1/search?q=mobility&lang=fr')).json()) as { articles: unknown[] }).articles,
    ).toEqual([]);
    const missing = await app.request('/api/v1/search');
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ error: 'q (words to find) is required' });
  });

  it('answers a source with its articles, 404 JSON for unknown stories and entities', async () => {
    const { app } = testApp();
    const body = (await (await app.request('/api/v1/sources/1')).json()) as {
      source: { name: string };
      articles: { pagePath: string }[];
    };
    expect(body.source.name).toBe('Diario de Ejemplo');
    expect(body.articles.map((a) => a.pagePath)).toEqual([translatedArticle.pagePath]);
    expect((await app.request('/api/v1/sources/77')).status).toBe(404);
    expect(await (await app.request('/api/v1/stories')).json()).toEqual({ stories: [] });
    const story = await app.request('/api/v1/stories/1');
    expect(story.status).toBe(404);
    expect(await story.json()).toEqual({ error: 'No story 1' });
    expect((await app.request('/api/v1/entities/1')).status).toBe(404);
  });

  it('documents every route it serves in /api/v1/openapi.json', async () => {
    const { app } = testApp();
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe('3.1.0');
    const routes = app.routes.filter(
      (r) => r.path.startsWith('/api/v1/') && r.method === 'GET' && r.path !== '/api/v1/openapi.json',
    );
    const documented = new Set(Object.keys(doc.paths).map((p) => p.replace(/\{(\w+)\}/g, ':$1')));
    for (const r of routes) expect(documented, r.path).toContain(r.path);
    expect(routes.length).toBeGreaterThanOrEqual(10);
  });
});
