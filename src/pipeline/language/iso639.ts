/**
 * ISO 639-3 → ISO 639-1 for the languages franc may answer that a news site is likely to meet.
 * Sorted by the 639-3 code. A language missing here is reported as unknown (null), never guessed.
 */
export const iso6393to1: Readonly<Record<string, string>> = {
  afr: 'af', amh: 'am', arb: 'ar', azj: 'az', bel: 'be', ben: 'bn', bos: 'bs', bul: 'bg', cat: 'ca',
  ces: 'cs', ckb: 'ku', cmn: 'zh', dan: 'da', deu: 'de', ell: 'el', eng: 'en', est: 'et', eus: 'eu',
  fin: 'fi', fra: 'fr', gle: 'ga', glg: 'gl', guj: 'gu', heb: 'he', hin: 'hi', hrv: 'hr', hun: 'hu',
  hye: 'hy', ind: 'id', isl: 'is', ita: 'it', jpn: 'ja', kan: 'kn', kat: 'ka', kor: 'ko', lao: 'lo',
  lit: 'lt', lvs: 'lv', mal: 'ml', mar: 'mr', mkd: 'mk', nld: 'nl', nno: 'nn', nob: 'no', ory: 'or',
  pan: 'pa', pes: 'fa', pol: 'pl', por: 'pt', ron: 'ro', rus: 'ru', slk: 'sk', slv: 'sl', spa: 'es',
  sqi: 'sq', srp: 'sr', swe: 'sv', swh: 'sw', tam: 'ta', tel: 'te', tgl: 'tl', tha: 'th', tur: 'tr',
  ukr: 'uk', urd: 'ur', uzn: 'uz', vie: 'vi', yor: 'yo', zlm: 'ms',
};

export const iso6391to3: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(iso6393to1).map(([three, one]) => [one, three]),
);
