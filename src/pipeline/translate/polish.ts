/**
 * Post-editing of rule-based output into English: general fixes for what Apertium's Spanish → English
 * transfer gets wrong every time, written from Spanish and English grammar (never from a test set's
 * reference). Each fix is a named feature so bench/translate.ts can measure what each one is worth;
 * all are on by default. Pure functions over one translated line and its source.
 */
import { lexiconRows } from './lexicon-data.js';
import { guessUnknown } from './unknown-words.js';

const lexicon = lexiconRows.map(([spanish, english, news]) => ({
  spanish: new RegExp(spanish, 'u'),
  english: new RegExp(english, 'giu'),
  news,
}));
/** One test for "does the source hold any lexicon word": most lines hold none. */
const anyLexiconWord = new RegExp(lexiconRows.map(([spanish]) => `(?:${spanish})`).join('|'), 'u');

export const polishFeatures = [
  'lexicon',
  'toldTo',
  'possessives',
  'phrasing',
  'titles',
  'weekdays',
  'lastNext',
  'ages',
  'clockTimes',
  'numbers',
  'quotes',
  'percent',
  'unknownWords',
  'abbreviations',
  'policy',
  'prepositions',
  'durations',
  'quantities',
  'newsPhrases',
] as const;
export type PolishFeature = (typeof polishFeatures)[number];
/** Every feature the bench can switch off: names (protect-names.ts), personalA (source-edits.ts), polish. */
export const allFeatures = ['names', 'personalA', ...polishFeatures] as const;
export type FeatureSwitches = Partial<Record<(typeof allFeatures)[number], boolean>>;

/** Source languages that write "1.000,5" (decimal comma, dot between thousands). */
const decimalComma = new Set(['es', 'ca', 'gl', 'pt', 'fr', 'it', 'de', 'eu', 'ro']);

const weekday = '(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
// Words after which a weekday takes no article and no "on": "since Saturday", "until Monday".
const prepositions =
  'from|since|until|till|to|for|of|on|before|after|by|between|during|and|or|every|this|next|last|each';

type Fix = (text: string, source: string, from: string) => string;

// A sentence about sport: its "partido" is a match, not a party.
const sportWords =
  /\b(?:gol|goles|liga|empate|empató|marcador|jugadores?|entrenador|estadio|árbitro|fútbol|futbolistas?|baloncesto|torneo|campeonato|delantero|portero|minuto \d+|Mundial|Champions|penalti|penal|eliminatoria|amistoso)\b/u;

// "la política económica" is economic policy, not "economic politics".
const policyAdjectives =
  'economic|foreign|external|energy|monetary|fiscal|migration|migratory|immigration|social|public|housing|environmental|industrial|agricultural|agrarian|trade|commercial|climate|defence|defense|security|health|educational|education|tax|employment|labour|labor|cultural|regional|national|European|international|domestic|budgetary|sanitary|penitentiary|water|transport|language|linguistic|family|drugs?';
const adjectivePolitics = new RegExp(`\\b(${policyAdjectives}) politics\\b`, 'g');
const numberWords =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|\\d{1,3}';
// "una visita oficial de tres días" → "an official visit of three days" → "a three-day official visit".
const durationAfterNoun = new RegExp(
  `\\b([Aa]n?) ((?:[a-z]+ )?)(visit|trip|tour|strike|stay|conference|summit|meeting|journey|cease-fire|ceasefire|truce|mission|course|festival|break|holiday|suspension|ban|stoppage|shutdown|curfew|lockdown|quarantine|state of emergency|mourning|closure) of (${numberWords}) (day|week|month|year|hour)s?\\b`,
  'g',
);

// Built once: polish runs on every line.
const pluralSubject =
  /\b((?:The|the|These|these|Those|those|Many|many|Both|both|All|all)\s+(?:[a-z]+\s+)?[a-z]+[^su\s]s)\s+(have|had|are|were|will|would|can|could|said|say|[a-z]+ed)\b([^.;:]*)/g;
const titleBeforeName =
  /\b[Tt]he (president|vice-president|prime minister|minister|judge|senator|inspector|captain|secretary|king|queen|pope|chancellor|governor|mayor|ambassador) (?=\p{Lu})/gu;
const afterPreposition = new RegExp(`\\b(${prepositions}) the ${weekday}\\b`, 'gi');
const sentenceStartWeekday = new RegExp(`(^|[.:;!?"“]\\s*)The ${weekday}\\b`, 'g');
const theWeekday = new RegExp(`\\bthe ${weekday}\\b(?! (?:morning|afternoon|evening|night)s?\\b)`, 'g');
const theWeekdayPart = new RegExp(`\\bthe ${weekday} (morning|afternoon|evening|night)\\b`, 'g');
const pastWeekday = new RegExp(`\\b([Tt])he past ${weekday}\\b`, 'g');

const fixes: Record<PolishFeature, Fix> = {
  /** Apertium's rare-sense word choices, where the source holds the word (lexicon-data.ts). */
  lexicon: (text, source) => {
    if (!anyLexiconWord.test(source)) return text;
    let out = text;
    for (const row of lexicon) {
      if (!row.spanish.test(source)) continue;
      out = out.replace(row.english, (found) =>
        /^\p{Lu}/u.test(found) && /^\p{Ll}/u.test(row.news) ? row.news[0]!.toUpperCase() + row.news.slice(1) : row.news,
      );
    }
    return out;
  },
  /**
   * Apertium writes every "su/sus" as "his": after "they"/"we" or a plural subject in the same
   * clause, the possessor is that subject ("they lost his homes" → "their homes").
   */
  possessives: (text) =>
    /\bhis\b/.test(text)
      ? text
          .replace(
            /\b(they|They|we|We)\b([^.;:]*)/g,
            (_, subject: string, rest: string) =>
              subject + rest.replace(/\bhis\b/g, /^we$/i.test(subject) ? 'our' : 'their'),
          )
          .replace(
            pluralSubject,
            (_, subject: string, verb: string, rest: string) =>
              `${subject} ${verb}${rest.replace(/\bhis\b/g, 'their')}`,
          )
      : text,
  /** Spanish turns Apertium renders word for word: "a lot of people" → "many people", "the ones of" → "those of". */
  phrasing: (text) =>
    !/lot of|ones? of|spite of| of \d{4}/.test(text)
      ? text
      : text
          .replace(
            /\b([Aa]) lot of (\p{Ll}+s)\b/gu,
            (_, a: string, noun: string) => `${a === 'A' ? 'M' : 'm'}any ${noun}`,
          )
          .replace(/\b([Tt])he ones of\b/g, '$1hose of')
          .replace(/\b([Tt])he one of\b/g, '$1hat of')
          .replace(/\b([Ii])n spite of\b/g, (_, i: string) => (i === 'I' ? 'Despite' : 'despite'))
          .replace(
            /\b(January|February|March|April|May|June|July|August|September|October|November|December) of (\d{4})\b/g,
            '$1 $2',
          ),
  /** "el presidente Erdogan" → "the president Erdogan" → "President Erdogan". */
  titles: (text) => text.replace(titleBeforeName, (_, title: string) => `${title[0]!.toUpperCase()}${title.slice(1)} `),
  /** "dijo a los periodistas" → "said to the journalists" → "told the journalists". */
  toldTo: (text) =>
    !text.includes('aid to')
      ? text
      : text.replace(
          /\b([Ss])aid to (the|him|her|them|his|their|a|an|us|me|reporters|journalists)\b/g,
          (_, s: string, object: string) => `${s === 'S' ? 'T' : 't'}old ${object}`,
        ),
  /** "el sábado" is "on Saturday" (Apertium: "the Saturday"); after a preposition, plain "Saturday". */
  weekdays: (text) =>
    /day\b/.test(text)
      ? text
          .replace(afterPreposition, '$1 $2')
          .replace(sentenceStartWeekday, '$1On $2')
          .replace(theWeekday, 'on $1')
          .replace(theWeekdayPart, 'on $1 $2')
      : text,
  /** "la semana pasada / el año pasado / el próximo mes" → "last week / last year / next month". */
  lastNext: (text) =>
    !/past|last|next|coming/.test(text)
      ? text
      : text
          .replace(
            /\b([Tt])he (?:past|last) (week|weekend|month|year|season|summer|winter|spring|autumn)\b(?! of\b)/g,
            (_, t: string, unit: string) => `${t === 'T' ? 'L' : 'l'}ast ${unit}`,
          )
          .replace(
            /\b([Tt])he (?:next|coming) (week|weekend|month|year|season)\b(?! of\b)/g,
            (_, t: string, unit: string) => `${t === 'T' ? 'N' : 'n'}ext ${unit}`,
          )
          .replace(pastWeekday, (_, t: string, day: string) => `${t === 'T' ? 'L' : 'l'}ast ${day}`),
  /** "un niño de 13 años" → "a boy of 13 years" → "a 13-year-old boy"; "Simpson, de 20 años," → "Simpson, 20,". */
  ages: (text) =>
    !text.includes(' years')
      ? text
      : text
          .replace(/\b([Aa]n?|[Tt]he) (\p{Ll}+) of (\d{1,3}) years\b/gu, (_, det: string, noun: string, n: string) => {
            const article = /^[Tt]he$/.test(det) ? det : /^(?:8|11|18|8\d)$/.test(n) ? `${det[0]}n` : det[0]!;
            return `${article} ${n}-year-old ${noun}`;
          })
          .replace(/\b(age|aged) of (\d{1,3}) years\b/g, 'age of $2')
          .replace(/, of (\d{1,3}) years(?=[,.])/g, ', $1'),
  /** "a las 19:30" → "to the 19:30" → "at 19:30". */
  clockTimes: (text) =>
    !text.includes('o the ')
      ? text
      : text.replace(
          /\b([Tt])o the (\d{1,2}[:.]\d{2})\b/g,
          (_, t: string, time: string) => `${t === 'T' ? 'A' : 'a'}t ${time}`,
        ),
  /** "1.000,5" → "1,000.5" when the source writes numbers the continental way. */
  numbers: (text, source, from) => (decimalComma.has(from) ? englishNumbers(text, source) : text),
  /** «…» → “…”: English does not use guillemets. */
  quotes: (text) =>
    !/[«»‹›]/.test(text)
      ? text
      : text.replace(/«\s?/g, '“').replace(/\s?»/g, '”').replace(/‹\s?/g, '‘').replace(/\s?›/g, '’'),
  /** "50 %" → "50%". */
  percent: (text) => (!text.includes('%') ? text : text.replace(/(\d) %/g, '$1%')),
  /** Words Apertium does not know (`*palabra`): an English form when a known one or a cognate fits. */
  unknownWords: (text) =>
    !text.includes('*') ? text : text.replace(/\*(\p{L}[\p{L}'’-]*)/gu, (_, word: string) => guessUnknown(word)),
  /** "la política exterior" → "the external politics" → "the foreign policy"; "políticas públicas" → "public policies". */
  policy: (text, source) => {
    if (!text.includes('politics') || !/\bpolíticas?\s/u.test(source)) return text;
    const plural = /\bpolíticas\s+\p{Ll}/u.test(source) && !/\bpolítica\s+\p{Ll}/u.test(source);
    return text.replace(
      adjectivePolitics,
      (_, adjective: string) => `${adjective === 'external' ? 'foreign' : adjective} ${plural ? 'policies' : 'policy'}`,
    );
  },
  /**
   * Prepositions Apertium renders word for word: "llegó a Madrid" → "arrived in Madrid" (never
   * "arrived to"); "entre Francia y Alemania" → "between France and Germany" (two parties: not
   * "among"); "le preguntaron sobre la crisis" → "asked him about the crisis".
   */
  prepositions: (text, source) => {
    let out = text;
    if (/\bll[eé]g/iu.test(source))
      out = out.replace(
        /\b(arriv(?:e|ed|es|ing))((?: (?:yesterday|today|tomorrow|this morning|last night|early|late|finally|safely))?) to (?=(?:the|a|an|this|his|her|their|its|our)\b|\p{Lu})/gu,
        '$1$2 in ',
      );
    if (/\bentre\b/iu.test(source))
      out = out.replace(
        /\b([Aa])mong (?=(?:[^\s,;:.]+ ){1,5}and [^,;:.]+?(?:[,;:.]|$))(?!(?:[^\s,;:.]+ ){0,5}and [^,;:.]*\band\b)/gu,
        (_, a: string) => `${a === 'A' ? 'B' : 'b'}etween `,
      );
    if (/\bpregunt/iu.test(source) && /\bsobre\b/iu.test(source))
      out = out.replace(
        /\b(ask(?:ed|s|ing)?|question(?:ed|s|ing)?)((?: [^\s.;:,]+){0,4}?) on (?=(?:the|a|an|his|her|their|its|this|that|these|those|whether|what|how|why|when|where)\b)/g,
        '$1$2 about ',
      );
    return out;
  },
  /** "una visita oficial de tres días" → "a three-day official visit". */
  durations: (text) =>
    !/ of \S+ (?:day|week|month|year|hour)/.test(text)
      ? text
      : text.replace(
          durationAfterNoun,
          (_, article: string, adjective: string, noun: string, n: string, unit: string) => {
            const an = /^(?:eight|eleven|8|11|18|8\d)$/.test(n) ? 'an' : 'a';
            return `${/^A/.test(article) ? an[0]!.toUpperCase() + an.slice(1) : an} ${n}-${unit} ${adjective}${noun}`;
          },
        ),
  /**
   * Set phrases of news Spanish: "llevaron a cabo" → "#carry" → "carried out"; "según informó la
   * policía" → "as it informed the police" → "according to the police"; "resultaron heridas" →
   * "resulted wounds" → "were wounded"; "subió un 3 %" → "went up a 3 %" → "went up by 3 %"; "there
   * was three wounded" → "there were"; "of United States" → "of the United States"; "partido" is a
   * match where the sentence is about sport.
   */
  newsPhrases: (text, source) => {
    let out = text;
    if (/\ba cabo\b/u.test(source) && out.includes('#carr')) {
      const form = /\bllev(?:ó|aron|ado|ada|ados|adas)(?!\p{L})/iu.test(source)
        ? 'carried'
        : /\blleva\b/iu.test(source)
          ? 'carries'
          : /\bllevando\b/iu.test(source)
            ? 'carrying'
            : 'carry';
      out = out.replace(/#carr(?:y|ies|ied|ying)\b/g, `${form} out`);
    }
    if (/\bsegún\b/iu.test(source))
      out = out.replace(
        /\b([Aa])s it (?:informed|explained|indicated|signalled|said|reported|announced|confirmed|detailed|specified|stated|added|communicated|published|revealed)\b/g,
        (_, a: string) => `${a === 'A' ? 'A' : 'a'}ccording to`,
      );
    if (/\bresult(?:ó|aron|an|a)(?!\p{L})/iu.test(source)) {
      const were = /\bresultaron\b/iu.test(source) ? 'were' : 'was';
      out = out
        .replace(/\bresulted (?:wounds|wounded)\b/g, `${were} wounded`)
        .replace(/\bresulted (injured|killed|dead|unharmed|affected|damaged|elected)\b/g, `${were} $1`);
    }
    out = out.replace(
      /\b(went up|went down|goes up|goes down|rose|fell|falls|rises|increased|decreased|grew|grows|dropped|drops|climbed|declined|reduced|cut) a (?=\d)/g,
      '$1 by ',
    );
    out = out.replace(
      /\b([Tt])here was (?=(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|several|many)\b)/g,
      '$1here were ',
    );
    out = out.replace(
      /\b(of|in|to|from|with|and|for|by|on|against|between|than) United States\b/g,
      '$1 the United States',
    );
    if (/\bpartidos?\b/u.test(source) && sportWords.test(source))
      out = out.replace(
        /\b([Pp])art(y|ies)\b/g,
        (_, p: string, ending: string) => `${p === 'P' ? 'M' : 'm'}atch${ending === 'y' ? '' : 'es'}`,
      );
    return out;
  },
  /** "millones de euros" → "Million euros" → "Millions of euros" (a number before it keeps "million"). */
  quantities: (text, source) =>
    !/\bmillones de\b/iu.test(source)
      ? text
      : text.replace(
          /(?<!(?:\d|\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|hundred|hundreds|several|few|many))[\s,.]*)\b([Mm])illion (?!of\b)(?=\p{Ll})/gu,
          '$1illions of ',
        ),
  /** "EE. UU." / "EE.UU." → "US"; "UU." alone never survives. */
  abbreviations: (text) => text.replace(/\*?EE\. ?\*?UU\.?(?=\s|$|[,;:)”"])/g, 'US').replace(/\bEEUU\b/g, 'US'),
};

/**
 * One translated line, polished: unknown-word marks are either resolved (unknownWords) or
 * dropped at the end, so no `*` reaches a reader.
 */
export function polish(text: string, source: string, from: string, switches: FeatureSwitches = {}): string {
  let out = text;
  for (const feature of polishFeatures) if (switches[feature] !== false) out = fixes[feature](out, source, from);
  return out;
}

/**
 * Numbers in continental notation the English way. A group of exactly three digits after a dot is
 * a thousands group ("360.000" → "360,000"); a comma between digits is the decimal mark ("7,5" →
 * "7.5"). A dot before one or two digits ("5.30", a time) is left alone.
 */
export function englishNumbers(text: string, source: string): string {
  return text.replace(/\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d.,]\d)|\d+,\d+(?![\d.,]\d)/g, (number) => {
    if (!source.includes(number)) return number; // only numbers the source wrote so
    const [whole, decimals] = number.split(',') as [string, string | undefined];
    if (decimals?.length === 3 && !whole.includes('.')) return number; // "2,000": maybe already English
    return whole.replace(/\./g, ',') + (decimals === undefined ? '' : `.${decimals}`);
  });
}
