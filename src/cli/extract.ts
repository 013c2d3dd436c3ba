import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../config.js';
import { errorLine } from '../errors.js';
import { createFetcher, decodeBody, fetchOptionsFromConfig, type Fetcher } from '../pipeline/fetch/index.js';
import { extractArticle, type Article } from '../pipeline/extract/index.js';
import { detectLanguage } from '../pipeline/language/index.js';
import { createTranslator, translatorOptionsFromConfig, type Translator } from '../pipeline/translate/index.js';
import { HappeningsError } from '../errors.js';
import { parseCommandArgs, usageError } from './args.js';
import type { Command } from './command.js';
import { noEngineError } from './no-engine.js';

export const command: Command = {
  usage: `Usage: happenings extract <url|file>... [--url BASE_URL] [--to LANG] [--jsonl]

Prints one JSON object per input: url, canonicalUrl, site, title, subtitle, byline, publishedAt,
language, image, imageCaption, paragraphs, html, related, tags, isTeaser; with --to also
translation {language, engine, engineVersion, title, subtitle, paragraphs, html, protectedNames, model,
via, nameRepairs} (model and via null for a rule-based, direct translation; nameRepairs the names an engine
that does not protect them lost or altered, and what was done); translation is null, with a one-line
warning on stderr, when no engine can translate the page's language.
An input that fails prints {input, error} and the exit code is 1 at the end.

  --url BASE_URL   the page's address, when a single local file is given (default: its file:// URL)
  --to LANG        translate into LANG (e.g. en) with the configured engines
  --jsonl          one compact object per line (default: indented JSON)`,
  async run(args) {
    const { values, positionals } = parseCommandArgs('extract', args, {
      url: { type: 'string' },
      to: { type: 'string' },
      jsonl: { type: 'boolean', default: false },
    });
    if (positionals.length === 0) throw usageError('extract', 'give at least one URL or file');
    if (values.url && positionals.length > 1)
      throw usageError('extract', '--url names one page; give one input with it');
    const config = loadConfig();
    const fetcher = createFetcher(fetchOptionsFromConfig(config));
    const translator = values.to ? createTranslator(translatorOptionsFromConfig(config)) : null;
    let failed = 0;
    try {
      for (const input of positionals) {
        const result = await extractOne(input, { fetcher, translator, to: values.to, baseUrl: values.url }).catch(
          (error: unknown) => {
            failed++;
            return { input, error: errorLine(error) };
          },
        );
        process.stdout.write(`${JSON.stringify(result, null, values.jsonl ? undefined : 2)}\n`);
      }
    } finally {
      await translator?.close();
      await fetcher.close();
    }
    return failed > 0 ? 1 : 0;
  },
};

interface ExtractContext {
  fetcher: Fetcher;
  translator: Translator | null;
  to: string | undefined;
  baseUrl: string | undefined;
}

async function extractOne(input: string, ctx: ExtractContext): Promise<Record<string, unknown>> {
  const { html, url } = await readInput(input, ctx);
  const article = extractArticle(html, url);
  const language = detectLanguage(article.paragraphs.join('\n'), article.languageHint);
  const out = articleJson(article, language.language);
  if (ctx.translator && ctx.to)
    out.translation = await translationJson(ctx.translator, article, language.language, ctx.to);
  return out;
}

async function readInput(input: string, ctx: ExtractContext): Promise<{ html: string; url: string }> {
  if (/^https?:\/\//i.test(input)) {
    const page = await ctx.fetcher.fetchPage({ url: input });
    return { html: page.text, url: page.finalUrl };
  }
  const path = resolve(input);
  const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    throw new HappeningsError('cli', 'bad-input', `cannot read ${input}: ${error.code ?? error.message}`);
  });
  return { html: decodeBody(bytes, null).text, url: ctx.baseUrl ?? pathToFileURL(path).href };
}

function articleJson(article: Article, language: string | null): Record<string, unknown> {
  const { languageHint: _hint, ...fields } = article;
  return {
    url: fields.url,
    canonicalUrl: fields.canonicalUrl,
    site: fields.site,
    title: fields.title,
    subtitle: fields.subtitle,
    byline: fields.byline,
    publishedAt: fields.publishedAt,
    language,
    image: fields.image,
    imageCaption: fields.imageCaption,
    paragraphs: fields.paragraphs,
    html: fields.html,
    related: fields.related,
    tags: fields.tags,
    isTeaser: fields.isTeaser,
  };
}

async function translationJson(translator: Translator, article: Article, from: string | null, to: string) {
  if (!from) throw new HappeningsError('language', 'bad-input', `cannot tell the language of ${article.url}`);
  if (from === to) {
    const { title, subtitle, paragraphs, html } = article;
    return { language: to, engine: 'none', engineVersion: null, title, subtitle, paragraphs, html, protectedNames: [] };
  }
  const t = await translator.translateArticle(article, from, to);
  if (!t) {
    // The article is still worth printing (issue 17: a German page gave no article, exit 1).
    process.stderr.write(`happenings: warning: ${errorLine(await noEngineError(translator, from, to))}\n`);
    return null;
  }
  const { language, engine, engineVersion, title, subtitle, paragraphs, html, protectedNames } = t;
  const provenance = { model: t.model ?? null, via: t.via ?? null, nameRepairs: t.nameRepairs ?? [] };
  return { language, engine, engineVersion, title, subtitle, paragraphs, html, protectedNames, ...provenance };
}
