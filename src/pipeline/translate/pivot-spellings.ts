/**
 * A word the engine copies because it does not know it is written as the article wrote it (issue 17:
 * an accent lost on a copied word misspells the source). Two ways the accents went: Apertium's
 * pt → es writes an unknown "co-mandatário" as "*co-mandatario"; and through a pivot the second hop
 * copies the first hop's Spanish ("supérfluo" → "superfluo", unknown to es → en). The marked words
 * are looked up among the article's own accented words by their letters without accents.
 */

const word = /\p{L}[\p{L}'’-]*\p{L}|\p{L}/gu;

export function withoutAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
}

/**
 * Adds the accented words of `texts` to `spellings` by their lower-case letters without accents
 * ("co-mandatário" under "co-mandatario", and each part of it: the engine may mark "co-*mandatario").
 */
export function noteAccentedWords(texts: string[], spellings: Map<string, string>): void {
  for (const text of texts)
    for (const [found] of text.matchAll(word)) {
      const lower = found.toLowerCase();
      for (const part of new Set([lower, ...lower.split(/['’-]/)])) {
        const plain = withoutAccents(part);
        if (plain !== part) spellings.set(plain, part);
      }
    }
}

/**
 * Each word the engine marked unknown (`*superfluo`) written as the article wrote it when the two
 * differ only by accents (`*supérfluo`), the mark left for the caller; `guessed` tells a word that
 * gets an English guess (unknown-words.ts), which it keeps ("*relegación" → "relegation").
 */
export function respellCopies(
  text: string,
  spellings: ReadonlyMap<string, string>,
  guessed: (word: string) => boolean = () => false,
): string {
  if (!spellings.size || !text.includes('*')) return text;
  return text.replace(/\*(\p{L}[\p{L}'’-]*)/gu, (all, copied: string) => {
    const bare = copied.replace(/['’-]+$/u, '');
    const spelling = spellings.get(withoutAccents(bare.toLowerCase()));
    if (!spelling || spelling === bare.toLowerCase() || guessed(bare)) return all;
    return `*${inCaseOf(bare, spelling)}${copied.slice(bare.length)}`;
  });
}

/** `spelling` (lower case) in the case of `copied`: "ENCARAMOS" → "ENCARÁMOS", "Encaramos" → "Encarámos". */
function inCaseOf(copied: string, spelling: string): string {
  if (copied.length > 1 && copied === copied.toUpperCase()) return spelling.toUpperCase();
  return copied[0] === copied[0]!.toUpperCase() ? spelling[0]!.toUpperCase() + spelling.slice(1) : spelling;
}
