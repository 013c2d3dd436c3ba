/**
 * Consent notices in plain text: the cookie banner a scraper kept as the article ("Wir setzen auf
 * unserer Website Cookies ein … Datenschutzerklärung", "Aby ulepszyć witrynę … Zaakceptuj i
 * zamknij"), or a page's "See our privacy policy" left in its body. A publisher shows the same
 * notice on every page, so two articles that carry it look alike whatever they report: semeval-dev
 * (real news, eval/sets/semeval.ts) holds seven articles in German, Polish and Turkish whose text is
 * a headline and a banner, and two of them (a Swiss export ban, an Indian rickshaw driver) shared
 * 149 terms and were taken for copies of each other.
 *
 * A sentence is *marked* when it names cookies or a privacy policy (MARKERS; "cookie" alone is
 * also a biscuit and "cookie-cutter", so the plural or a compound), and is a notice's own sentence
 * when it also speaks to the reader (SECOND_PERSON) or names the site's own page or policy
 * (OWN_PAGES: "our privacy policy", "unserer Website"). A notice is a run of marked sentences
 * around one of its own, over at most MAX_GAP unmarked ones ("Sie dienen auch der
 * Reichweitenmessung."); one sentence alone only when short and naming the site's own policy.
 * News about cookies reports in the third person ("regulators said cookies track users") or about
 * others' policies ("we read each VPN's privacy policy"), and stays: on 1,022 real pages of
 * bench:extract's sets and readability-test-pages, what this cuts from extracted bodies is footer
 * text ("See our Privacy Policy and Terms of Use."), nothing of the articles.
 *
 * The cut starts earlier where a notice's usual opening (OPENINGS) comes first in its sentence:
 * scraped text often glues the headline to the notice, and the headline is news. Phrases are data:
 * add one here, not a branch.
 */

/** Cookies and privacy policies named, in the languages we read (matched case-insensitively). */
const MARKERS = [
  'cookies',
  'cookie-',
  'cookie policy',
  'cookie settings',
  'plików cookie',
  'pliki cookie',
  'ciasteczk',
  'çerez',
  'datenschutzerklärung',
  'datenschutzrichtlinie',
  'datenschutzbestimmungen',
  'privacy policy',
  'privacy notice',
  'polityce prywatności',
  'polityka prywatności',
  'polityki prywatności',
  'gizlilik politika',
  'politique de confidentialité',
  'política de privacidad',
  'política de privacidade',
  'informativa sulla privacy',
  'privacyverklaring',
  'سياسة الخصوصية',
  'ملفات تعريف الارتباط',
  // Consent buttons, quoted in the notice.
  'akzeptieren und schließen',
  'accept and close',
  'zaakceptuj i zamknij',
];

/**
 * The reader addressed. German "Sie", "Ihr…", "Ihnen" count only capitalised and not first in their
 * sentence, where they are also "they" / "their".
 */
const SECOND_PERSON =
  /\b(?:you|your|yours|Sie|Ihr\w*|Ihnen|vous|votre|vos|usted|acept[ae]\w*|você|tu|tuo|tua|u|uw)\b|Państw|Twoj|Twój|korzystasz|wyrażasz|znajdziesz|\p{L}*(?:siniz|sınız|sunuz|sünüz)\b/iu;
const GERMAN_FORMAL = /^(?:sie|ihr\w*|ihnen)$/i;

/** The site naming its own pages and policies: "our website", "unserer Datenschutzerklärung". */
const OWN_PAGES = [
  'our website',
  'our site',
  'our privacy',
  'our cookie',
  'unserer website',
  'unserer webseite',
  'unserer seite',
  'unserer datenschutz',
  'unseren datenschutz',
  'notre site',
  'notre politique',
  'nuestro sitio',
  'nuestra web',
  'nuestra política',
  'naszej stron',
  'naszych stron',
  'naszej polityce',
  'sitemiz',
  'موقعنا',
];

/** Words in a notice of one sentence at most ("For more on how we hold your data, see our privacy policy."). */
const MAX_LONE_WORDS = 25;
/** Unmarked sentences a notice may hold between two marked ones. */
const MAX_GAP = 2;

/** How notices usually begin (matched case-insensitively), to cut a headline glued in front of one. */
const OPENINGS = [
  'we use cookies',
  'this site uses cookies',
  'this website uses cookies',
  'wir verwenden cookies',
  'wir setzen auf unserer website cookies',
  'um die funktion unserer website',
  'diese website verwendet cookies',
  'nous utilisons des cookies',
  'ce site utilise des cookies',
  'utilizamos cookies',
  'este sitio web utiliza cookies',
  'utilizziamo i cookie',
  'używamy plików cookie',
  'aby ulepszyć witrynę',
  'drogi użytkowniku',
  'sizlere daha iyi bir hizmet',
  'size daha iyi bir',
];

const MARKER = phrases(MARKERS);
const OWN_PAGE = phrases(OWN_PAGES);
const OPENING = phrases(OPENINGS);
const SECOND_PERSON_ALL = new RegExp(SECOND_PERSON.source, 'giu');

/**
 * A sentence ends at . ! ? or … before a space or a capital (scraped text glues sentences:
 * "Datenschutzerklärung.Details"), at a line break, or at a run of two spaces (a headline before
 * its text, a button label).
 */
const SENTENCE_END = /[.!?…]+["”»']?(?=\s|\p{Lu}|$)|\n|\s{2,}/gu;

/** The text without its consent notices; the same string when it has none. */
export function withoutConsentNotices(text: string): string {
  if (!MARKER.test(text)) return text;
  const cuts = noticeSpans(text);
  if (cuts.length === 0) return text;
  // Each cut with the blanks around it, one line break or space in its place.
  let out = '';
  let at = 0;
  for (const { start, end } of cuts) {
    const before = text.slice(at, start);
    const kept = before.trimEnd();
    const after = /^\s*/.exec(text.slice(end))![0];
    out += kept + (/\n/.test(before.slice(kept.length) + after) ? '\n' : ' ');
    at = end + after.length;
  }
  return (out + text.slice(at)).trim();
}

export interface Span {
  start: number;
  end: number;
}

/** Where the notices are, in order. */
export function noticeSpans(text: string): Span[] {
  const sentences = splitSentences(text);
  // 2: a notice's own sentence; 1: marked only; 0: neither.
  const kind = sentences.map(({ start, end }) => sentenceKind(text.slice(start, end)));
  const spans: Span[] = [];
  let done = -1;
  for (let i = 0; i < sentences.length; i++) {
    if (kind[i] !== 2) continue;
    let first = i;
    for (let back = i - 1; back > done && first - back <= MAX_GAP + 1; back--) if (kind[back]! > 0) first = back;
    let last = i;
    for (let next = i + 1; next < sentences.length && next - last <= MAX_GAP + 1; next++)
      if (kind[next]! > 0) last = next;
    const marked = kind.slice(first, last + 1).filter((k) => k > 0).length;
    const seed = text.slice(sentences[i]!.start, sentences[i]!.end);
    if (marked > 1 || (wordCount(seed) <= MAX_LONE_WORDS && OWN_PAGE.test(seed))) {
      spans.push({ start: noticeStart(text, sentences, first, done), end: sentences[last]!.end });
      done = last;
    }
    i = Math.max(i, done);
  }
  return spans;
}

function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = m.index + m[0].length;
    if (end > start && text.slice(start, end).trim()) out.push({ start, end });
    start = end;
  }
  if (text.slice(start).trim()) out.push({ start, end: text.length });
  return out;
}

function sentenceKind(sentence: string): 0 | 1 | 2 {
  if (!MARKER.test(sentence)) return 0;
  if (OWN_PAGE.test(sentence)) return 2;
  const firstWord = sentence.search(/\p{L}/u);
  for (const m of sentence.matchAll(SECOND_PERSON_ALL)) {
    if (!GERMAN_FORMAL.test(m[0])) return 2;
    if (/^\p{Lu}/u.test(m[0]) && m.index !== firstWord) return 2;
  }
  return 1;
}

/**
 * Where the notice whose first marked sentence is `first` begins: at an opening in it or in the
 * sentence before (not one already cut), else at its start.
 */
function noticeStart(text: string, sentences: Span[], first: number, done: number): number {
  for (const i of [first - 1, first]) {
    const s = sentences[i];
    if (!s || i <= done) continue;
    const m = OPENING.exec(text.slice(s.start, s.end));
    if (m) return s.start + m.index;
  }
  return sentences[first]!.start;
}

/** Words (runs of letters and digits) in a text. */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/** One of the phrases, starting a word ("our site" is not in "your site"). */
function phrases(list: string[]): RegExp {
  return new RegExp(`(?<!\\p{L})(?:${list.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'iu');
}
