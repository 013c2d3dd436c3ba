/**
 * `happenings cluster <articles.jsonl> [--explain] [--no-translate]`: the server's online dedupe and
 * story clustering over a file. Input lines `{id, url?, title, text, language, publishedAt}`,
 * processed in publishedAt order; output `{id, story, duplicateOf?}` per input line, in input order,
 * with stories as they stand at the end (after merges).
 */
import { readFile } from 'node:fs/promises';
import { loadConfig } from '../config.js';
import { PIVOT_LANGUAGE } from '../pipeline/cluster/pivot-language.js';
import { createTranslator, type Translator } from '../pipeline/translate/index.js';
import { ClusterStream, inPublishedOrder, type StreamArticle, type StreamResult } from '../pipeline/cluster/stream.js';
import { parseCommandArgs, usageError } from './args.js';
import type { Command } from './command.js';

const usage = `Usage: happenings cluster <articles.jsonl> [--explain] [--no-translate]

Groups articles into stories the way the server does: exact reposts and syndicated copies first
(duplicateOf), then each article joins the most similar open story or starts one.
Input: one JSON object per line {id, url?, title, text, language, publishedAt}.
Output: one line per input line, in input order: {id, story, duplicateOf?}.
  --explain        add "why": similarity, shared terms and the evidence by kind (names, numbers,
                   own words, dictionary-mapped words, translated words), merged stories, oddities
  --no-translate   do not translate non-English articles to English first (the configured
                   engines are used when they support the pair; names and numbers link the rest)
A line that is not a valid article prints {line, error}; the exit code is then 1.`;

interface InputLine {
  line: number;
  article: StreamArticle | null;
  error?: string;
}

export const command: Command = {
  usage,
  async run(args: string[]): Promise<number> {
    const { values, positionals } = parseCommandArgs('cluster', args, {
      explain: { type: 'boolean' },
      'no-translate': { type: 'boolean' },
    });
    if (positionals.length !== 1) throw usageError('cluster', 'give one JSONL file');
    const inputs = parseLines(await readFile(positionals[0]!, 'utf8'));
    if (!values['no-translate']) await addEnglish(inputs);
    const stream = new ClusterStream(Date.now(), {}, values.explain === true);
    const results = new Map<StreamArticle, StreamResult>();
    const articles = inputs.flatMap((i) => (i.article ? [i.article] : []));
    stream.learnFrequencies(articles);
    for (const article of inPublishedOrder(articles)) results.set(article, stream.add(article));
    for (const input of inputs)
      process.stdout.write(`${JSON.stringify(outputLine(input, results, stream, values.explain === true))}\n`);
    return inputs.some((i) => i.error) ? 1 : 0;
  },
};

function outputLine(
  input: InputLine,
  results: Map<StreamArticle, StreamResult>,
  stream: ClusterStream,
  explain: boolean,
): object {
  if (!input.article) return { line: input.line, error: input.error };
  const r = results.get(input.article)!;
  return {
    id: r.id,
    story: stream.resolve(r.story),
    ...(r.duplicateOf !== undefined ? { duplicateOf: r.duplicateOf } : {}),
    ...(explain ? { why: r.why } : {}),
  };
}

function parseLines(text: string): InputLine[] {
  const out: InputLine[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    try {
      out.push({ line: i + 1, article: toArticle(JSON.parse(raw)) });
    } catch (error) {
      out.push({ line: i + 1, article: null, error: (error as Error).message });
    }
  });
  return out;
}

function toArticle(v: Record<string, unknown>): StreamArticle {
  if (v === null || typeof v !== 'object') throw new Error('not a JSON object');
  if (typeof v.id !== 'string' && typeof v.id !== 'number') throw new Error('id missing');
  const str = (x: unknown) => (typeof x === 'string' ? x : '');
  return {
    id: String(v.id),
    title: str(v.title),
    text: str(v.text),
    language: str(v.language) || null,
    publishedAt: str(v.publishedAt) || null,
  };
}

/** English text for articles the configured engines can translate; the rest go on as written. */
async function addEnglish(inputs: InputLine[]): Promise<void> {
  const config = loadConfig();
  const translator: Translator = createTranslator({
    engines: config.translationEngines,
    apertiumPath: config.apertiumPath,
    modelsDir: config.modelsDir,
  });
  try {
    for (const { article } of inputs) {
      if (!article?.language || article.language === PIVOT_LANGUAGE) continue;
      const lines = await translator
        .translateText([article.title, article.text.replace(/\n+/g, ' ')], article.language, PIVOT_LANGUAGE)
        .catch(() => null);
      if (lines) article.english = { title: lines[0] ?? '', text: lines[1] ?? '' };
    }
  } finally {
    await translator.close();
  }
}
