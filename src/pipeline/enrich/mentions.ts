/**
 * Reading a text for the names it mentions: known entities under any of their spellings (spellings.ts,
 * Basque case endings cut), runs of capitalised words inside sentences, numbers and other words. The
 * story clusterer weighs the same reading as terms (../cluster/features.ts), so it is done once, here.
 */
import { foldName, knownAcronyms, knownSpellings, type KnownEntity } from './spellings.js';
import { stopwords } from './stopwords.js';

/** The most words a known spelling has ("Luiz Inácio Lula da Silva": 5). */
const MAX_SPELLING_WORDS = Math.max(...[...knownSpellings.keys()].map((k) => k.split(' ').length));
/** The first words of known spellings: a token that is none of them starts no known entity. */
const knownFirstWords: ReadonlySet<string> = new Set([...knownSpellings.keys()].map((k) => k.split(' ')[0]!));

export interface Mention {
  /** Known entity key, or the capitalised run as written. */
  name: string;
  known: KnownEntity | null;
  /** A capitalised word at a sentence start: counts only towards a name found elsewhere in the text. */
  atStart?: boolean;
  /** A one-word name right after a place preposition ("in Bilbao", "em Brasília"): a place, kept alone. */
  afterPlaceWord?: boolean;
}

/** What a reader of the text is told, token by token (short and function words are skipped). */
export interface TextVisitor {
  entity(entity: KnownEntity): void;
  /** Separators removed, so 1,000 / 1.000 / 1000 meet. */
  number(digits: string): void;
  /** A word, folded and as written; `isName` when capitalised inside a sentence. */
  word(folded: string, isName: boolean, written: string): void;
}

/**
 * Reads a text token by token, telling `visitor` what each is; returns the names mentioned.
 * `language` (when known) picks the rules that depend on it: Basque case endings, German nouns.
 */
export function readText(text: string, visitor?: TextVisitor, language: string | null = null): Mention[] {
  const tokens = tokenize(text);
  const german = language === 'de';
  const mentions: Mention[] = [];
  let run: Token[] = [];
  let runAfterPlaceWord = false;
  const endRun = () => {
    const name = nameOfRun(run);
    if (name) mentions.push({ name, known: null, ...(runAfterPlaceWord && { afterPlaceWord: true }) });
    run = [];
  };
  const startRun = (i: number) => {
    const before = tokens[i - 1];
    runAfterPlaceWord = !!before && !tokens[i]!.boundaryBefore && placeWords.has(before.folded);
  };
  /**
   * A name continues after token i: the next token (past connectors: "Rio de Janeiro", "von der
   * Leyen") is capitalised inside the sentence, not a stopword, with nothing between.
   */
  const nameFollows = (i: number, throughConnectors = true) => {
    let j = i + 1;
    while (
      throughConnectors &&
      tokens[j] &&
      !tokens[j]!.capitalised &&
      connectors.has(tokens[j]!.folded) &&
      !tokens[j]!.boundaryBefore
    )
      j++;
    const next = tokens[j];
    return (
      !!next &&
      !next.boundaryBefore &&
      next.capitalised &&
      !next.sentenceStart &&
      !stopwords.has(next.folded) &&
      !(german && germanNoun(tokens, j))
    );
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.boundaryBefore) endRun();
    const known = knownAt(tokens, i, language);
    if (known) {
      visitor?.entity(known.entity);
      // "Banco do Brasil", "Universidad de Buenos Aires": a place after a name and a connector is part of it.
      // Only after a one-word head ("Banco", "Universidad"): "Kim Il Sung de Pionyang" is a name and a place.
      if (run.length === 2 && placeConnectors.has(run.at(-1)!.folded) && known.entity.kind === 'place') {
        run.push(...tokens.slice(i, i + known.length));
      } else {
        endRun();
        mentions.push({ name: known.entity.key, known: known.entity });
      }
      i += known.length - 1;
      continue;
    }
    if (/^\d/.test(t.text)) {
      endRun();
      visitor?.number(t.text.replace(/[.,]/g, ''));
      continue;
    }
    if (t.folded.length < 4 || stopwords.has(t.folded)) {
      // Short parts of names ("Kim Il Sung", "Xi Jinping", "São Paulo"), connectors inside them
      // ("Pilar del Río", "Funes de Rioja") and acronyms ("IMF") stay in the run.
      const connector = !t.capitalised && run.length > 0 && connectors.has(t.folded) && nameFollows(i);
      const part =
        t.capitalised &&
        !t.sentenceStart &&
        (run.length > 0 || (!functionWords.has(t.folded) && (nameFollows(i) || isAcronym(t.text))));
      if (connector || part) {
        if (run.length === 0) startRun(i);
        run.push(t);
      } else endRun();
      continue;
    }
    const isName = t.capitalised && !t.sentenceStart;
    // German nouns start no name; once one started ("Europäische Zentralbank") the next capital continues it.
    const inName = isName && !(german && run.length === 0 && germanNoun(tokens, i));
    if (inName) {
      if (run.length === 0) startRun(i);
      run.push(t);
    } else if (
      t.capitalised &&
      t.sentenceStart &&
      !functionWords.has(t.folded) &&
      !(german && germanNoun(tokens, i)) &&
      nameFollows(i, false)
    ) {
      // "Vladimir Putin said…" at a sentence start: the first name starts the run.
      startRun(i);
      run.push(t);
    } else {
      endRun();
      if (t.capitalised && t.sentenceStart && !functionWords.has(t.folded))
        mentions.push({ name: t.text, known: null, atStart: true });
    }
    visitor?.word(t.folded, isName, t.text);
  }
  endRun();
  return mentions;
}

interface Token {
  text: string;
  folded: string;
  capitalised: boolean;
  sentenceStart: boolean;
  /** Punctuation or a line break between this token and the one before: no name runs across it. */
  boundaryBefore: boolean;
}

const tokenPattern = /\p{L}+|\d+(?:[.,]\d+)*/gu;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let end = 0;
  for (const m of text.matchAll(tokenPattern)) {
    const gap = text.slice(end, m.index);
    const before = text.slice(Math.max(0, m.index - 3), m.index).trim();
    out.push({
      text: m[0],
      folded: foldName(m[0]),
      capitalised: /^\p{Lu}/u.test(m[0]),
      sentenceStart: before === '' || /[.!?:«"“]$/.test(before) || gap.includes('\n'),
      // Spaces, an apostrophe (l'Élysée) or a hyphen (Jean-Noël) keep a name together; anything else ends it.
      boundaryBefore: out.length > 0 && /[^\s'’\-‐]|\n/u.test(gap),
    });
    end = m.index + m[0].length;
  }
  return out;
}

/**
 * A run's name: titles and nationalities in front of a name cut off ("German Chancellor Olaf Scholz"
 * is Olaf Scholz), connectors at either end dropped, nothing left when it was only such words.
 */
/** A nationality, plural too (Koreans, Russians). */
function isDemonym(folded: string): boolean {
  return demonyms.has(folded) || (folded.endsWith('s') && demonyms.has(folded.slice(0, -1)));
}

/** A title, German feminine forms (Außenministerin) included. */
function isTitle(folded: string): boolean {
  const plain = folded.replace(/ß/g, 'ss');
  return titles.has(plain) || (plain.endsWith('in') && titles.has(plain.slice(0, -2)));
}

function nameOfRun(run: Token[]): string | null {
  let from = 0;
  let to = run.length;
  while (to > from && connectors.has(run[to - 1]!.folded)) to--;
  // A nationality counts as a title only before one ("German Chancellor"), not before a name ("European Commission").
  while (
    from < to - 1 &&
    (isTitle(run[from]!.folded) || (isDemonym(run[from]!.folded) && isTitle(run[from + 1]!.folded)))
  )
    from++;
  while (from < to && connectors.has(run[from]!.folded)) from++;
  const words = run.slice(from, to);
  // Nationalities, also as the head of a phrase ("North Korean", "South Koreans"), are no entities.
  if (words.length === 0 || isDemonym(words.at(-1)!.folded) || words.every((t) => isTitle(t.folded))) return null;
  return words.map((t) => t.text).join(' ');
}

/** All capitals, two to five letters: an acronym (IMF, OTAN), a name on its own. */
export function isAcronym(text: string): boolean {
  return text.length >= 2 && text.length <= 5 && /^\p{Lu}+$/u.test(text);
}

/**
 * German writes every noun with a capital: inside a German text a capitalised word after an article
 * or with a noun ending ("Abhängigkeit", "Industriepolitik", "Regierung") is a noun, not a name.
 */
function germanNoun(tokens: Token[], i: number): boolean {
  // A capitalised adjective before a capitalised word is a name's ("die Europäische Zentralbank").
  const next = tokens[i + 1];
  if (germanAdjective.test(tokens[i]!.folded) && next?.capitalised && !next.boundaryBefore) return false;
  const before = tokens[i - 1];
  if (before && !tokens[i]!.boundaryBefore && germanDeterminers.has(before.folded)) return true;
  return germanNounEnding.test(tokens[i]!.folded);
}

const germanAdjective = /(isch|lich|ig)(e|en|er|es|em)$/;
const germanNounEnding = /(ung|heit|keit|schaft|tat|itat|ion|nis|tum|ismus|ment|enz|anz|politik|ik)(en|s|e|n)?$/;

const words = (list: string) => new Set(list.split(/\s+/).filter(Boolean));

/** Folded; lower-case words that join the parts of a name. */
const connectors = words('de del da do dos das di du des von van der den la le of');
/** Those that join a name and a place into one name ("Banco do Brasil"; not German "Europas von China"). */
const placeConnectors = words('de del da do dos das di of');

/** Folded; capitalised at a sentence start or inside a run, these never start or continue a name. */
const functionWords = words(`the a an el la los las lo le les un una une des du de del da do em no na in on at to of
  for by and y e et und o i il al au im am zu von mit der die das den dem des ein eine ist es he she it we they his
  her its our but as if or so yet pero por con sin mas que se su sus ce il elle ils nous on mais ou et beim zum zur vom
  segundo segun selon laut after according while when since until despues tras apres nach wahrend`);

/** Folded prepositions after which a one-word name is a place ("in Bilbao", "em Brasília", "nach Berlin"). */
const placeWords = words('in en em no na nach aus from to into at à a desde hacia hasta para pour vers dans');

/** Folded titles and offices written before a name. */
const titles = words(`president presidente presidenta prasident praesident prime premier minister ministro ministra
  ministre chancellor canciller kanzler bundeskanzler chancelier secretary secretario
  general senator senador governor gobernador mayor alcalde king rey queen reina prince principe pope papa judge juez
  dr mr mrs ms sir lady lord foreign defence defense interior finance deputy vice former chief leader commander
  ambassador spokesman spokeswoman ceo chairman coach aussenminister bundesminister ministerprasident
  premierminister bundesprasident staatschef regierungschef`);

/** Folded nationalities (English adjectives, German and French nouns: written with capitals). */
const demonyms = words(`german french spanish basque catalan galician russian ukrainian american british english
  chinese japanese korean italian portuguese brazilian argentine argentinian mexican colombian chilean venezuelan
  cuban turkish polish arab israeli palestinian iranian iraqi syrian egyptian indian pakistani european african asian
  dutch belgian swiss austrian swedish norwegian danish finnish greek irish scottish welsh canadian australian
  moroccan algerian saudi lebanese afghan nigerian soviet western eastern deutsche deutschen franzosen russen
  amerikaner europaer spanier italiener briten ukrainer chinesen allemands francais espagnols russes americains
  europeens britanniques italiens ukrainiens chinois`);

/** Folded German articles and determiners, after which a capitalised word is a noun. */
const germanDeterminers =
  words(`der die das den dem des ein eine einer einem einen eines beim zum zur vom im am kein keine keinen jede jeder
  jedes dieser diese dieses diesem diesen seine seiner seinen ihre ihrer ihren unsere unserer neue neuen neuer`);

/** A known entity starting at token i, and how many tokens it spans. */
function knownAt(tokens: Token[], i: number, language: string | null): { entity: KnownEntity; length: number } | null {
  if (!tokens[i]!.capitalised) return null;
  const basque = language === null || language === 'eu';
  if (!basque && !knownFirstWords.has(tokens[i]!.folded)) return null;
  for (let n = Math.min(MAX_SPELLING_WORDS, tokens.length - i); n >= 1; n--) {
    const span = tokens.slice(i, i + n);
    // A spelling does not run across punctuation ("Kiev. Fue" is not one name).
    if (span.slice(1).some((t) => t.boundaryBefore)) continue;
    // Tokens are letters only, so their folded forms joined by spaces are the spelling key.
    const head = span
      .slice(0, -1)
      .map((t) => `${t.folded} `)
      .join('');
    const last = span.at(-1)!.folded;
    for (const form of basque ? [last, ...uninflected(last)] : [last]) {
      const key = head + form;
      const entity = knownSpellings.get(key);
      // Acronyms (US, UE, ONU) only in capitals: "us" and "une" are words; "Kiev" and "Gaza" are names.
      if (entity && (!knownAcronyms.has(key) || span.every((t) => t.text === t.text.toUpperCase())))
        return { entity, length: n };
    }
  }
  return null;
}

/**
 * Basque declines names with case endings (Eskoziako, Erresuma Batuak, Europar Batasunetik,
 * AEBko): the forms a known name may stand under once one is cut (and the article -a restored).
 * Only forms that end some known spelling are returned, so the lookups stay few.
 */
const CASE_ENDINGS = [
  'rekin',
  'etik',
  'aren',
  'eko',
  'ean',
  'era',
  'ren',
  'tik',
  'ko',
  'ak',
  'ek',
  'en',
  'an',
  'ra',
  'ri',
  'k',
  'n',
];
const knownLastWords: ReadonlySet<string> = new Set([...knownSpellings.keys()].map((k) => k.split(' ').at(-1)!));

function uninflected(folded: string): string[] {
  const out: string[] = [];
  for (const ending of CASE_ENDINGS) {
    if (folded.length - ending.length < 2 || !folded.endsWith(ending)) continue;
    const base = folded.slice(0, -ending.length);
    if (knownLastWords.has(base)) out.push(base);
    if (knownLastWords.has(`${base}a`)) out.push(`${base}a`);
  }
  return out;
}
