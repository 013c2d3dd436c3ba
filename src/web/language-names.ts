/** Language names and writing direction for pages, from the platform's ICU data (Intl). */

/** Primary subtags written right to left (Unicode CLDR); scripts like "az-Arab" are rare enough to skip. */
const RTL_LANGUAGES = new Set(['ar', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ps', 'sd', 'ug', 'ur', 'yi']);

function primary(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? '';
}

/** "es" in "en" → "Spanish". Falls back to the tag itself when ICU does not know it. */
export function languageName(tag: string, inLanguage: string): string {
  const key = `${inLanguage} ${tag}`;
  let name = names.get(key);
  if (name === undefined) {
    try {
      name = displayNames(inLanguage).of(tag) ?? tag;
    } catch {
      name = tag;
    }
    if (names.size >= MAX_NAMES) names.clear();
    names.set(key, name);
  }
  return name;
}

/** Names already looked up: DisplayNames.of() was ~1.5% of a search page's CPU (a name per result and filter option). */
const names = new Map<string, string>();
const MAX_NAMES = 2_000;

const namers = new Map<string, Intl.DisplayNames>();

/** One Intl.DisplayNames per site language: building one costs far more than using it. */
function displayNames(inLanguage: string): Intl.DisplayNames {
  let namer = namers.get(inLanguage);
  if (!namer) {
    namer = new Intl.DisplayNames([inLanguage, 'en'], { type: 'language' });
    namers.set(inLanguage, namer);
  }
  return namer;
}

export function textDirection(tag: string | null | undefined): 'ltr' | 'rtl' {
  return tag && RTL_LANGUAGES.has(primary(tag)) ? 'rtl' : 'ltr';
}

/** "pt-BR" and "pt" count as the same language for deciding whether a text needs translating. */
export function sameLanguage(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && primary(a) === primary(b);
}
