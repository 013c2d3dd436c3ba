/**
 * Text encoded twice: a publisher's system read UTF-8 bytes as Windows-1252 and wrote them out as
 * UTF-8 again, so "América" arrives as "AmÃ©rica", "dövüşü" as "dÃ¶vÃ¼ÅŸÃ¼" and "’" as "â€™",
 * often in only part of a page (a title from one system, the body from another). The bytes are
 * right and so is our decoding; the text is wrong. Read so, it breaks search, names, translation and
 * story grouping (semeval-dev has seven such articles, Turkish, Spanish and German).
 *
 * Each run that could be one character encoded twice (a UTF-8 lead byte's Windows-1252 character
 * followed by the characters of its continuation bytes) is read back as UTF-8, and replaced only
 * when that gives one valid character of a script news is written in: letters of Latin, Greek,
 * Cyrillic, Hebrew and Arabic, and the typographic punctuation around them. Text written right
 * almost never holds such a run ("Ã" then "©", "Ä" then "Ÿ"); where it could ("É…" would read as
 * "Ʌ", a letter no news language uses), the script test leaves it as it is.
 */

/** The byte each Windows-1252 character in 0x80–0x9F stands for (the five it leaves undefined stand for themselves). */
const CP1252_HIGH: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

/** A character standing for a continuation byte (0x80–0xBF) in Windows-1252, or that byte as Latin-1. */
const CONTINUATION = `[\\u0080-\\u00BF${Object.keys(CP1252_HIGH).join('')}]`;
const TWICE = new RegExp(
  `[\\u00C2-\\u00DF]${CONTINUATION}|[\\u00E0-\\u00EF]${CONTINUATION}{2}|[\\u00F0-\\u00F4]${CONTINUATION}{3}`,
  'g',
);
/** A quick test before the full one: a lead byte's character at all. */
const LEAD = /[\u00C2-\u00F4]/;

const strict = new TextDecoder('utf-8', { fatal: true });

/** Scripts and punctuation news is written in (what a repaired run must give). */
function isNewsCharacter(code: number): boolean {
  return (
    (code >= 0x00a0 && code <= 0x017f) || // Latin-1 Supplement, Latin Extended-A (Turkish, Polish, Czech…)
    (code >= 0x0218 && code <= 0x021b) || // Romanian ș ț
    (code >= 0x0370 && code <= 0x04ff) || // Greek, Cyrillic
    (code >= 0x0590 && code <= 0x06ff) || // Hebrew, Arabic
    (code >= 0x1e00 && code <= 0x1eff) || // Latin Extended Additional (Vietnamese)
    (code >= 0x2010 && code <= 0x203a) || // dashes, quotes, bullets, ellipsis
    code === 0x20ac || // €
    code === 0x2122 // ™
  );
}

function byteOf(character: string): number {
  return CP1252_HIGH[character] ?? character.charCodeAt(0);
}

/** Letters of Greek, Cyrillic, Hebrew and Arabic: repaired only beside another repaired run (see below). */
function isOtherScript(code: number): boolean {
  return code >= 0x0370 && code <= 0x06ff;
}

/** At most this many characters (a space, a comma) between two runs of one double-encoded word or phrase. */
const NEIGHBOUR_GAP = 2;

/**
 * The text with every run encoded twice read as the character it was (the rest untouched). A Greek,
 * Cyrillic, Hebrew or Arabic letter is taken only beside another repaired run: such text encoded
 * twice is a string of runs ("ÐŸÑ€Ð¸…"), while one alone in Latin text is a coincidence ("Rosa ×"
 * before a no-break space reads as the Hebrew "נ").
 */
export function repairDoubleEncoding(text: string): string {
  if (!LEAD.test(text)) return text;
  const runs: { at: number; end: number; decoded: string; other: boolean }[] = [];
  for (const match of text.matchAll(TWICE)) {
    const decoded = readBack(match[0]);
    if (decoded === null) continue;
    const code = decoded.codePointAt(0)!;
    runs.push({ at: match.index, end: match.index + match[0].length, decoded, other: isOtherScript(code) });
  }
  if (runs.length === 0) return text;
  let out = '';
  let from = 0;
  runs.forEach((run, i) => {
    const before = runs[i - 1];
    const after = runs[i + 1];
    const beside = (before && run.at - before.end <= NEIGHBOUR_GAP) || (after && after.at - run.end <= NEIGHBOUR_GAP);
    if (run.other && !beside) return;
    out += text.slice(from, run.at) + run.decoded;
    from = run.end;
  });
  return out + text.slice(from);
}

/** The one news character a run stands for, or null. */
function readBack(run: string): string | null {
  try {
    const decoded = strict.decode(Uint8Array.from(run, byteOf));
    return decoded.length === 1 && isNewsCharacter(decoded.codePointAt(0)!) ? decoded : null;
  } catch {
    return null;
  }
}
