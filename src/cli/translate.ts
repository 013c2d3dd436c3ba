/**
 * `happenings translate --from L --to L [--html]`: stdin → stdout through the configured engines.
 * Text mode: every input line gives exactly one output line (empty stays empty). --html: the whole of
 * stdin is one HTML document.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { HappeningsError } from '../errors.js';
import { createTranslator, translatorOptionsFromConfig } from '../pipeline/translate/index.js';
import type { Article } from '../model.js';
import type { Command } from './command.js';
import { noEngineError } from './no-engine.js';

const usage = `Usage: happenings translate --from LANG --to LANG [--html]

Translates stdin to stdout through the configured engines (HAPPENINGS_TRANSLATION_ENGINES, default
neural,apertium: an installed neural model first, see happenings models; HAPPENINGS_APERTIUM names the
apertium command). Names of people are kept as written.
  --from LANG   source language, ISO 639-1 (e.g. es)
  --to LANG     target language, ISO 639-1 (e.g. en)
  --html        read stdin as one HTML document (paragraphs and inline tags kept)
Text mode: each input line becomes exactly one output line; empty lines stay empty.`;

export const command: Command = {
  usage,
  async run(args: string[]): Promise<number> {
    const { from, to, html } = readOptions(args);
    const config = loadConfig();
    const translator = createTranslator(translatorOptionsFromConfig(config));
    try {
      const input = await readStdin();
      const output = html
        ? await translateHtml(translator, input, from, to)
        : await translateLines(translator, input, from, to);
      if (output === null) throw await noEngineError(translator, from, to);
      process.stdout.write(output);
      return 0;
    } finally {
      await translator.close();
    }
  },
};

type Translator = ReturnType<typeof createTranslator>;

async function translateLines(translator: Translator, input: string, from: string, to: string): Promise<string | null> {
  const endsWithNewline = input.endsWith('\n');
  const lines = (endsWithNewline ? input.slice(0, -1) : input).split(/\r?\n/);
  const out = await translator.translateText(lines, from, to);
  return out === null ? null : out.join('\n') + (endsWithNewline ? '\n' : '');
}

async function translateHtml(translator: Translator, input: string, from: string, to: string): Promise<string | null> {
  // The whole document travels as the body of an otherwise empty article.
  const article: Article = {
    url: 'stdin:',
    canonicalUrl: 'stdin:',
    site: '',
    title: '',
    subtitle: null,
    byline: null,
    publishedAt: null,
    languageHint: from,
    image: null,
    imageCaption: null,
    paragraphs: [],
    html: input,
    related: [],
    tags: [],
    section: null,
    isTeaser: false,
  };
  const translation = await translator.translateArticle(article, from, to);
  return translation === null ? null : translation.html;
}

function readOptions(args: string[]): { from: string; to: string; html: boolean } {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: { from: { type: 'string' }, to: { type: 'string' }, html: { type: 'boolean', default: false } },
      strict: true,
    }));
  } catch (error) {
    throw new HappeningsError(
      'cli',
      'usage',
      `translate: ${(error as Error).message} (see happenings translate --help)`,
    );
  }
  const language = /^[a-z]{2,3}$/;
  if (!values.from || !values.to || !language.test(values.from) || !language.test(values.to)) {
    throw new HappeningsError(
      'cli',
      'usage',
      'translate: --from and --to take language codes such as es and en (see happenings translate --help)',
    );
  }
  return { from: values.from, to: values.to, html: values.html === true };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
