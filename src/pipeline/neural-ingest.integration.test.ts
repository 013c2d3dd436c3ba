/**
 * The neural path end to end: a Spanish page on a loopback publisher, ingested with the generated
 * test model installed (translate/neural/test-model.testkit.ts), is stored translated by the neural
 * engine, and its article page says so. Real loopback HTTP, real SQLite, real ONNX Runtime.
 */
import fs from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Translation } from '../model.js';
import type { Runtime } from '../runtime/open.js';
import { openTestRuntime } from '../runtime/runtime.testkit.js';
import { createWebApp } from '../web/app.js';
import { storeSiteData } from '../web/store-data.js';
import { ingestPage } from './run.js';
import { writeTestModel } from './translate/neural/test-model.testkit.js';

const page = `<!doctype html>
<html lang="es"><head><meta charset="utf-8">
<title>El gato negro duerme en la casa grande</title>
<meta property="og:title" content="El gato negro duerme en la casa grande">
<meta property="article:published_time" content="2026-12-06T09:00:00Z">
</head><body>
<header><nav><a href="/">Portada</a> <a href="/mundo">Mundo</a></nav></header>
<article>
<h1>El gato negro duerme en la casa grande</h1>
<p>El presidente de la ciudad dijo hoy que el gato negro duerme en la casa grande y que el perro come en la casa de
<a href="/ana">Ana</a>. Los vecinos de la ciudad no quieren hablar de esto todavía, pero todos lo saben.</p>
<p>La casa grande es de un presidente que vive en la ciudad desde hace muchos años, y el perro negro come todos los
días en la <strong>casa grande</strong> de la ciudad con el gato.</p>
<p>El presidente dijo que el perro y el gato duermen juntos en la casa, y que la ciudad está muy tranquila hoy por
la noche, según explicó a los periodistas en una conferencia.</p>
</article>
<footer>Todos los derechos reservados</footer>
</body></html>`;

let server: Server;
let url: string;
let modelsDir: string;
let runtime: Runtime;
const made: Translation[] = [];

beforeAll(async () => {
  modelsDir = await fs.mkdtemp(path.join(os.tmpdir(), 'happenings-neural-ingest-'));
  await writeTestModel(modelsDir);
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mundo/el-gato-negro`;
  runtime = await openTestRuntime({ modelsDir, translationEngines: ['neural', 'apertium'] });
  const translator = runtime.pipeline.translator;
  const translateArticle = translator.translateArticle.bind(translator);
  translator.translateArticle = async (...args) => {
    const translation = await translateArticle(...args);
    if (translation) made.push(translation);
    return translation;
  };
});

afterAll(async () => {
  await runtime?.close();
  await new Promise((resolve) => server?.close(resolve));
  await fs.rm(modelsDir, { recursive: true, force: true });
});

describe('a Spanish page with the es-en test model installed', () => {
  it('is stored translated by the neural engine, with its model recorded', async () => {
    const result = await ingestPage(runtime.pipeline, { url, sourceId: null, feedId: null });
    expect(result).toMatchObject({ language: 'es', translated: ['en'] });
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ engine: 'neural', model: 'opus-mt-es-en', via: null });
    const translation = (await runtime.store.translationOf(result!.articleId, 'en'))!;
    expect(translation.engine).toBe('neural');
    // A hand-placed model (no happenings-model.json) has the version "local".
    expect(translation.engineVersion).toBe('local');
    expect(translation.model).toBe('opus-mt-es-en');
    expect(translation.via).toBeNull();
    expect(translation.title).toBe('The cat black sleeps in the house big');
    expect(translation.paragraphs[0]).toMatch(/^The president of the city said today that the cat black/);
    expect(translation.html).toContain('<strong>house big</strong>');
    expect(translation.html).toContain('Ana</a>');
  });

  it('has an article page that names the engine', async () => {
    const article = (await runtime.store.articleByCanonicalUrl(url))!;
    const app = createWebApp({
      data: storeSiteData({ store: runtime.store, language: 'en', translationNote: async () => null }),
      siteName: 'Happenings',
      language: 'en',
    });
    const res = await app.request(`/article/${article.id}`);
    const html = await (await app.request(res.headers.get('location') ?? `/article/${article.id}`)).text();
    expect(html).toContain('The cat black sleeps in the house big');
    expect(html).toMatch(/Translated from Spanish by OPUS-MT \(opus-mt-es-en/);
  });
});
