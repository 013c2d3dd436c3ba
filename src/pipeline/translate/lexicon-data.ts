/**
 * Apertium spa-eng word choices that are the rare sense in news, with the news sense. How it was
 * made: about 170 frequent Spanish news words and phrases (politics, courts, economy, sport, media),
 * written from general knowledge, were each run alone through `apertium -u spa-eng`; the ones whose
 * output was the wrong sense for news are listed here. A row applies only when the source holds the
 * Spanish word: [Spanish (regex source), Apertium's English (regex source, matched in any case),
 * news English (its first letter takes the case of the match)].
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
];
