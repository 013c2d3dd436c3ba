/**
 * Bot checks: the page a publisher serves in place of its article when it takes us for a robot
 * ("I am not a robot", "Checking your browser", "Too many requests from your IP"), often with
 * status 200. Stored, such a page is an "article" of two sentences, and every one of them from a
 * publisher is word for word the same, so they all fall into one story (semeval-dev holds ten such
 * Polish pages: "Przykro nam, ale z adresu IP … zaznacz «NIE JESTEM ROBOTEM»"). Extraction refuses
 * the page with its own error, so the item is recorded and fetched again on a later run; the
 * clusterer keeps one it is given anyway alone.
 *
 * A bot check is short: a phrase only such pages say anywhere in a text of at most STRONG_WORDS
 * words, or one that news can say too ("Access denied", "Too many requests") in a text of at most
 * WEAK_WORDS words, where it cannot be a report about it.
 */

/** Said only by bot checks and captchas (compared folded: foldForBotCheck). */
const STRONG_PHRASES = [
  // en
  "i'm not a robot",
  'i am not a robot',
  'verify you are human',
  'verify that you are human',
  'verify you are a human',
  'are you a robot',
  'checking your browser before accessing',
  'checking if the site connection is secure',
  'enable javascript and cookies to continue',
  'unusual traffic from your computer network',
  'why have i been blocked',
  'pardon our interruption',
  'press & hold to confirm you are',
  'please complete the security check to access',
  // pl
  'nie jestem robotem',
  'ogromna ilosc polaczen',
  'ogromna liczbe polaczen',
  // de
  'ich bin kein roboter',
  'bestatigen sie, dass sie ein mensch sind',
  'bestatigen sie, dass sie kein roboter sind',
  // es
  'no soy un robot',
  'verifica que eres humano',
  'confirma que eres humano',
  // fr
  'je ne suis pas un robot',
  'verifiez que vous etes humain',
  'confirmez que vous etes humain',
  // it
  'non sono un robot',
  'verifica di essere umano',
  // pt
  'nao sou um robo',
  'verifique se voce e humano',
  // nl
  'ik ben geen robot',
  // tr
  'ben robot degilim',
  'robot olmadiginizi dogrulayin',
  // ru
  'я не робот',
  // ar
  'أنا لست برنامج روبوت',
  'انا لست روبوت',
];

/** Said by bot checks, but also by news about blocking and traffic: counted only in a tiny text. */
const WEAK_PHRASES = [
  'access denied',
  'access to this page has been denied',
  'you have been blocked',
  'too many requests',
  'request unsuccessful',
  'attention required',
  'just a moment',
  'zugriff verweigert',
  'zu viele anfragen',
  'acceso denegado',
  'demasiadas solicitudes',
  'acces refuse',
  'trop de requetes',
  'accesso negato',
  'troppe richieste',
  'acesso negado',
  'erisim engellendi',
  'cok fazla istek',
  'доступ запрещен',
  'слишком много запросов',
  'odmowa dostepu',
  'zbyt wiele zapytan',
];

/** At most this many words for a strong phrase to mark the page (the Polish pages: 40-60). */
const STRONG_WORDS = 250;
/** At most this many words for a weak one (a headline and a line; a news brief is longer). */
const WEAK_WORDS = 40;
/** Longer texts hold more than STRONG_WORDS words in any script with spaces. */
const MAX_CHARACTERS = 8_000;

/** Lower case without accents (ł and ı too, which have no decomposition); Cyrillic and Arabic as they are. */
export function foldForBotCheck(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ł/g, 'l')
    .replace(/ı/g, 'i')
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ');
}

const STRONG = STRONG_PHRASES.map(foldForBotCheck);
const WEAK = WEAK_PHRASES.map(foldForBotCheck);

/**
 * The bot-check phrase a page's text says, when the page is a bot check (see above); null for an
 * article. `texts`: the title and the paragraphs as extracted.
 */
export function botCheckPhrase(texts: readonly (string | null | undefined)[]): string | null {
  // An article's text, not a bot check's: a long body is neither joined nor folded (every page asks).
  let length = 0;
  for (const t of texts) if (t && (length += t.length) > MAX_CHARACTERS) return null;
  const text = foldForBotCheck(texts.filter(Boolean).join(' \n '));
  const words = text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  if (words > STRONG_WORDS) return null;
  const strong = STRONG.find((phrase) => text.includes(phrase));
  if (strong) return strong;
  if (words > WEAK_WORDS) return null;
  return WEAK.find((phrase) => text.includes(phrase)) ?? null;
}
