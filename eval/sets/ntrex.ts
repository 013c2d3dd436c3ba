/**
 * NTREX-128 as a clustering set: each of its 123 news documents, in each language, is one article
 * whose gold story is the document id. Read at run time from ../shared/data (never copied here).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root (eval/sets/../..); shared data sits beside it, in ../shared/data. */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const NTREX_DIR = join(repoRoot, '../shared/data/mt/ntrex128');

export interface LabelledArticle {
  id: string;
  gold: string;
  title: string;
  text: string;
  language: string;
  publishedAt: string;
}

/** NTREX's file of each language (the English original, the others translated from it). */
export const NTREX_FILES: Record<string, string> = {
  en: 'newstest2019-src.eng.txt',
  es: 'newstest2019-ref.spa.txt',
  ca: 'newstest2019-ref.cat.txt',
  gl: 'newstest2019-ref.glg.txt',
  eu: 'newstest2019-ref.eus.txt',
  fr: 'newstest2019-ref.fra.txt',
  de: 'newstest2019-ref.deu.txt',
  pt: 'newstest2019-ref.por.txt',
  it: 'newstest2019-ref.ita.txt',
  ru: 'newstest2019-ref.rus.txt',
};

export const NTREX_LANGUAGES = Object.keys(NTREX_FILES);

/** The documents of NTREX in the given languages; the first sentence of a document is its title. */
export function loadNtrex(dir: string, languages: string[]): LabelledArticle[] {
  const docIds = readFileSync(join(dir, 'DOCUMENT_IDS.tsv'), 'utf8')
    .split('\n')
    .map((l) => l.split('\t')[0]!.trim());
  const out: LabelledArticle[] = [];
  for (const language of languages) {
    const lines = readFileSync(join(dir, NTREX_FILES[language]!), 'utf8').split('\n');
    const docs = new Map<string, string[]>();
    lines.forEach((line, i) => {
      const id = docIds[i];
      if (!id || line.trim() === '') return;
      docs.set(id, [...(docs.get(id) ?? []), line.trim()]);
    });
    for (const [doc, sentences] of docs) {
      out.push({
        id: `${language}:${doc}`,
        gold: doc,
        title: sentences[0]!,
        text: sentences.slice(1).join('\n'),
        language,
        publishedAt: '2019-06-01T12:00:00Z',
      });
    }
  }
  return out;
}
