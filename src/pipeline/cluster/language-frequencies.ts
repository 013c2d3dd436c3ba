/** Word-stem document frequencies per language, for the clusterer's same-language word score. */

/** Smoothing for document frequencies while few articles have been seen. */
export const IDF_PRIOR_DOCS = 50;
/** A language's own word frequencies count once it has this many articles. */
const MIN_LANGUAGE_DOCS = 20;

/** Document frequencies of word stems among one language's samples. */
export class LanguageFrequencies {
  private readonly df = new Map<string, number>();
  docs = 0;

  /** `halveAt`: when this many articles are counted, all counts halve (recent ones weigh most, memory stays bounded). */
  constructor(private readonly halveAt = 100_000) {}

  count(words: Set<string>): void {
    if (++this.docs >= this.halveAt) {
      this.docs /= 2;
      for (const [w, n] of this.df) {
        if (n < 2) this.df.delete(w);
        else this.df.set(w, n / 2);
      }
    }
    for (const w of words) this.df.set(w, (this.df.get(w) ?? 0) + 1);
  }

  /** Infinity until the language has enough articles to say what is common in it. */
  idf(word: string): number {
    if (this.docs < MIN_LANGUAGE_DOCS) return Infinity;
    return Math.log((this.docs + IDF_PRIOR_DOCS) / ((this.df.get(word) ?? 0) + 1));
  }
}
