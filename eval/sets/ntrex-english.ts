/**
 * English for the clustering quality sets (NTREX, events.jsonl), as the server would have it: each non-English document
 * translated by the configured engines (Apertium here), line by line. Translating ~8,000 lines
 * takes a minute on two cores, so the result is cached outside the repository
 * (node_modules/.cache/happenings, keyed by engine and languages); the text is never copied into
 * the project.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Translator } from '../../src/pipeline/translate/index.js';
import type { LabelledArticle } from './ntrex.js';

export interface EnglishText {
  title: string;
  text: string;
}

export type TranslatedArticle = LabelledArticle & { english?: EnglishText | null };

const CACHE_VERSION = 1;

function cacheFile(repoRoot: string, engine: string): string {
  const dir = join(repoRoot, 'node_modules/.cache/happenings');
  mkdirSync(dir, { recursive: true });
  return join(dir, `ntrex-english-${engine}-v${CACHE_VERSION}.json`);
}

function readCache(file: string): Record<string, EnglishText | null> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, EnglishText | null>;
  } catch {
    return {};
  }
}

/** Adds `english` to each non-English article the translator can do (null when it cannot). */
export async function withEnglish(
  articles: LabelledArticle[],
  translator: Translator,
  repoRoot: string,
  engine = 'apertium',
): Promise<TranslatedArticle[]> {
  const file = cacheFile(repoRoot, engine);
  const cache = readCache(file);
  let fresh = 0;
  const out: TranslatedArticle[] = [];
  for (const a of articles) {
    if (a.language === 'en') {
      out.push(a);
      continue;
    }
    // Keyed by the text too, so an edited test article is translated again.
    const key = `${a.id}:${createHash('sha1').update(`${a.language}\n${a.title}\n${a.text}`).digest('hex').slice(0, 12)}`;
    if (!(key in cache)) {
      const lines = [a.title, ...a.text.split('\n')];
      const translated = await translator.translateText(lines, a.language, 'en');
      cache[key] = translated ? { title: translated[0] ?? '', text: translated.slice(1).join('\n') } : null;
      fresh++;
    }
    out.push({ ...a, english: cache[key] ?? null });
  }
  if (fresh > 0) writeFileSync(file, JSON.stringify(cache));
  return out;
}
