/**
 * Known names and their spellings by language: people, places and organisations that the
 * capitalised-run rule misses ("Kim Jong Un": "Un" reads as an article) or that one word alone
 * would get mistranslated ("Putin" → "put on"). A name found in any spelling is protected and
 * written in the target language's spelling when the table has one, else as found.
 * Sorted by the English form. Extend freely: one line per entity.
 */
export interface GazetteerEntry {
  /** Spellings by ISO 639-1 language; `en` is the key form. */
  forms: Readonly<Record<string, string | readonly string[]>>;
}

export const gazetteer: readonly GazetteerEntry[] = [
  { forms: { en: 'Donald Trump' } },
  { forms: { en: 'Emmanuel Macron' } },
  { forms: { en: 'Joe Biden' } },
  { forms: { en: 'Kim Jong Il', es: 'Kim Jong Il', fr: 'Kim Jong-il', de: 'Kim Jong-il' } },
  { forms: { en: 'Kim Jong Un', es: ['Kim Jong Un', 'Kim Jong-un'], fr: 'Kim Jong-un', de: 'Kim Jong-un', pt: 'Kim Jong-un' } },
  { forms: { en: 'Kim Yo Jong', es: ['Kim Yo Jong', 'Kim Yo-jong'] } },
  { forms: { en: 'Kremlin', es: 'Kremlin', fr: 'Kremlin', de: 'Kreml', pt: 'Kremlin', ru: 'Кремль' } },
  { forms: { en: 'Lula da Silva' } },
  { forms: { en: 'Nguyen Phu Trong', es: ['Nguyen Phu Trong', 'Nguyễn Phú Trọng'] } },
  { forms: { en: 'Olaf Scholz' } },
  { forms: { en: 'Pedro Sánchez' } },
  { forms: { en: 'Pyongyang', es: 'Pionyang', fr: 'Pyongyang', de: 'Pjöngjang', pt: 'Pyongyang', ru: 'Пхеньян' } },
  { forms: { en: 'Sergei Lavrov', es: ['Serguéi Lavrov', 'Sergei Lavrov'], fr: 'Sergueï Lavrov', de: 'Sergej Lawrow', ru: 'Сергей Лавров' } },
  { forms: { en: 'Sergei Naryshkin', es: ['Serguéi Narishkin', 'Sergei Naryshkin'], fr: 'Sergueï Narychkine', de: 'Sergej Naryschkin', ru: 'Сергей Нарышкин' } },
  { forms: { en: 'Sergei Shoigu', es: ['Serguéi Shoigú', 'Sergei Shoigu'], fr: 'Sergueï Choïgou', de: 'Sergej Schoigu', ru: 'Сергей Шойгу' } },
  { forms: { en: 'Shoigu', es: 'Shoigú', fr: 'Choïgou', de: 'Schoigu', ru: 'Шойгу' } },
  { forms: { en: 'Putin', es: 'Putin', fr: 'Poutine', de: 'Putin', pt: 'Putin', ru: 'Путин' } },
  { forms: { en: 'Vladimir Putin', es: ['Vladímir Putin', 'Vladimir Putin'], fr: 'Vladimir Poutine', de: 'Wladimir Putin', ru: 'Владимир Путин' } },
  { forms: { en: 'Volodymyr Zelensky', es: ['Volodímir Zelenski', 'Volodymyr Zelensky'], fr: 'Volodymyr Zelensky', de: 'Wolodymyr Selenskyj' } },
  { forms: { en: 'Xi Jinping' } },
  { forms: { en: 'Yakutia', es: 'Yakutia', fr: 'Iakoutie', de: 'Jakutien', ru: 'Якутия' } },
];

export interface GazetteerMatch {
  start: number;
  end: number;
  name: string;
  entry: GazetteerEntry;
}

interface Spelling {
  text: string;
  entry: GazetteerEntry;
}

/** Every spelling, longest first, so "Vladímir Putin" wins over "Putin". */
const spellings: Spelling[] = gazetteer
  .flatMap((entry) => Object.values(entry.forms).flatMap((f) => (typeof f === 'string' ? [f] : [...f])).map((text) => ({ text, entry })))
  .filter((s, i, all) => all.findIndex((o) => o.text === s.text) === i)
  .sort((a, b) => b.text.length - a.text.length);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${spellings.map((s) => escape(s.text)).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
const bySpelling = new Map(spellings.map((s) => [s.text, s.entry]));

/** Known names in the text, left to right, not overlapping. */
export function gazetteerMatches(text: string): GazetteerMatch[] {
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length, name: m[0], entry: bySpelling.get(m[0])! }));
}

/** The name as the target language writes it, or null to keep it as found. */
export function targetForm(entry: GazetteerEntry, language: string): string | null {
  const form = entry.forms[language];
  if (form === undefined) return null;
  return typeof form === 'string' ? form : (form[0] ?? null);
}
