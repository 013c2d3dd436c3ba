/**
 * The translation half of the real-page audit: translate each page into English with the given
 * translator and count its defects (translation.ts). Pages are extracted articles (translated as the
 * site does, body through the HTML path) or plain lines (a sentence set such as NTREX).
 */
import type { Article } from '../../src/model.js';
import type { Translator } from '../../src/pipeline/translate/index.js';
import { knownEnglishWords } from './english-words.js';
import { addDefects, candidateWords, translationDefects, type TranslationDefects } from './translation.js';

export interface AuditPage {
  id: string;
  language: string;
  /** An extracted article, or the lines of a sentence set. */
  article?: Article;
  lines?: string[];
}

export interface PageDefects {
  id: string;
  language: string;
  /** Null when no engine could translate the page's language. */
  defects: TranslationDefects | null;
}

export const noDefects = (): TranslationDefects => ({
  leakedMarks: [],
  strippedAccents: [],
  brokenNames: [],
  namesChecked: 0,
  untranslatedWords: [],
});

/** Each page's defects and their sum; `progress` hears each page as it is done. */
export async function auditTranslations(
  pages: AuditPage[],
  translator: Translator,
  to = 'en',
  progress: (page: PageDefects) => void = () => undefined,
): Promise<{ pages: PageDefects[]; total: TranslationDefects }> {
  const done: PageDefects[] = [];
  let total = noDefects();
  for (const page of pages) {
    const pair = await translatedPair(page, translator, to);
    const defects = pair ? pageDefects({ ...pair, from: page.language, to }) : null;
    if (defects) total = addDefects(total, defects);
    done.push({ id: page.id, language: page.language, defects });
    progress(done.at(-1)!);
  }
  return { pages: done, total };
}

/** The defects of one translated text, with the copied words the target dictionary knows set aside (english-words.ts). */
export function pageDefects(text: {
  source: string[];
  translated: string[];
  from: string;
  to: string;
}): TranslationDefects {
  const candidates = candidateWords(text);
  const targetWords = text.to === 'en' ? knownEnglishWords(candidates, text.translated) : new Set<string>();
  return translationDefects({ ...text, targetWords });
}

async function translatedPair(
  page: AuditPage,
  translator: Translator,
  to: string,
): Promise<{ source: string[]; translated: string[] } | null> {
  if (page.article) {
    const translation = await translator.translateArticle(page.article, page.language, to);
    if (!translation) return null;
    return {
      source: [page.article.title, ...page.article.paragraphs],
      translated: [translation.title, ...translation.paragraphs],
    };
  }
  const lines = page.lines ?? [];
  const translated = await translator.translateText(lines, page.language, to);
  return translated ? { source: lines, translated } : null;
}
