// Bad engines and bad input. Real Apertium (CI installs it; these fail, never skip, without it); where
// Apertium cannot misbehave on demand, a stand-in process takes the pipeline's place (pipelineFor).
import { afterAll, describe, expect, it } from 'vitest';
import { HappeningsError } from '../../errors.js';
import type { Article } from '../../model.js';
import { ApertiumEngine } from './apertium.js';
import { createTranslator } from './index.js';

const engines: ApertiumEngine[] = [];
afterAll(() => Promise.all(engines.map((e) => e.close())));

function engine(options: ConstructorParameters<typeof ApertiumEngine>[0] = {}): ApertiumEngine {
  const made = new ApertiumEngine(options);
  engines.push(made);
  return made;
}

function article(paragraphs: string[]): Article {
  return {
    url: 'https://example.test/a',
    canonicalUrl: 'https://example.test/a',
    site: 'example.test',
    title: 'El Gobierno aprueba la ley',
    subtitle: null,
    byline: null,
    publishedAt: null,
    languageHint: 'es',
    image: null,
    imageCaption: 'El presidente, en Madrid.',
    paragraphs,
    html: paragraphs.map((p) => `<p>${p}</p>`).join(''),
    related: [],
    tags: [],
    isTeaser: false,
  } as unknown as Article;
}

const sentences = Array.from(
  { length: 400 },
  (_, i) => `El consejo ${i} de la ciudad aprobó ayer el presupuesto del año que viene con ${i + 3} votos a favor.`,
);

describe('Apertium that crashes, hangs or answers nonsense', () => {
  it('restarts a pipeline killed mid-article and translates the article all the same', async () => {
    const apertium = engine();
    await apertium.translateTexts(['Hola.'], 'es', 'en');
    const [before] = await apertium.processIds();
    const pending = apertium.translateTexts(sentences, 'es', 'en');
    await new Promise((resolve) => setTimeout(resolve, 30));
    process.kill(-before!, 'SIGKILL');
    const out = await pending;
    expect(out).toHaveLength(sentences.length);
    expect(out[7]).toMatch(/council 7 of the city/i);
    expect(out[399]).toContain('402');
    const [after] = await apertium.processIds();
    expect(after).not.toBe(before);
  });

  it('gives up on a pipeline that does not answer in time, with a clear error, and kills it', async () => {
    const slow = engine({ pipelineFor: () => 'sleep 30', timeoutMs: 300 });
    const started = Date.now();
    const error = await slow.translateTexts(['Hola mundo.'], 'es', 'en').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HappeningsError);
    expect((error as Error).message).toMatch(/^translate: apertium spa-eng gave no answer in 300 ms/);
    expect(Date.now() - started).toBeLessThan(10_000); // not the 30 s the stand-in would sleep
    expect(await slow.processIds()).toEqual([]);
  });

  it('treats an empty answer and an answer without words as a failure', async () => {
    // tr keeps the '\0' that ends each answer: the first drops everything else, the second turns it into '#'.
    for (const pipeline of [`tr -dc '\\000'`, `tr -c '\\000' '#'`]) {
      const broken = engine({ pipelineFor: () => `stdbuf -o0 ${pipeline}` });
      await expect(broken.translateTexts(['El Gobierno aprueba la ley.'], 'es', 'en')).rejects.toThrow(
        /empty or unreadable answer/,
      );
    }
  });

  it('treats an endless answer as a failure', async () => {
    const babbling = engine({
      pipelineFor: () => `perl -e '$|=1; $/="\\0"; while (<STDIN>) { print "bla " x 5000, "\\0" }'`,
    });
    await expect(babbling.translateTexts(['Hola.'], 'es', 'en')).rejects.toThrow(/far longer than its text/);
  });
});

describe('articles the translator refuses or cannot do', () => {
  const translator = createTranslator({ engines: ['apertium'], cacheEntries: 0 });
  afterAll(() => translator.close());

  it('refuses a 1 MB article at once with a clear error', async () => {
    const huge = article(Array.from({ length: 9_000 }, (_, i) => `${sentences[i % sentences.length]}`));
    const started = Date.now();
    const error = await translator.translateArticle(huge, 'es', 'en').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HappeningsError);
    expect((error as HappeningsError).code).toBe('too-large');
    expect((error as Error).message).toMatch(
      /^translate: article too long to translate: [\d,]+ characters \(limit 400,000\)$/,
    );
    // At once: translating it would hold the engine for a minute or more (the bound allows for a loaded machine).
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('gives null (kept untranslated) for a language no engine does', async () => {
    expect(await translator.translateArticle(article(['日本語の文です。']), 'ja', 'en')).toBeNull();
  });

  it('translates the image caption with the body', async () => {
    const done = await translator.translateArticle(article(sentences.slice(0, 2)), 'es', 'en');
    expect(done?.imageCaption).toMatch(/^The president, in Madrid\.$/);
    expect(done?.paragraphs).toHaveLength(2);
  });
});
