/**
 * Function words that tell Galician from Spanish and Portuguese, the two languages eld (which has no
 * Galician model) answers for Galician text. Each list holds words common in that language's news prose
 * and rare or absent in the other two (written from grammar, not mined from the benchmark data).
 * Sorted alphabetically.
 */
export const exclusiveWords: Readonly<Record<'es' | 'gl' | 'pt', ReadonlySet<string>>> = {
  es: new Set([
    'aquí', 'del', 'dijo', 'el', 'ella', 'ellos', 'este', 'esto', 'hoy', 'hubo', 'la', 'las', 'los', 'muy', 'nosotros',
    'pero', 'puede', 'sus', 'también', 'tiene', 'tienen', 'una', 'unas', 'uno', 'unos', 'usted', 'y', 'ya',
  ]),
  gl: new Set([
    'aínda', 'cando', 'co', 'coa', 'coas', 'cos', 'cun', 'cunha', 'deles', 'dixo', 'dun', 'dunha', 'dunhas',
    'está', 'fixo', 'hoxe', 'lle', 'lles', 'moi', 'non', 'nun', 'nunha', 'nunhas', 'onde', 'onte', 'pola', 'polas',
    'polo', 'polos', 'porén', 'tamén', 'teñen', 'tiña', 'tivo', 'unha', 'unhas', 'xa', 'xente', 'xunto',
  ]),
  pt: new Set([
    'com', 'disse', 'ele', 'eles', 'então', 'isso', 'mas', 'muito', 'muitos', 'nas', 'não', 'nem', 'num', 'numa',
    'pela', 'pelas', 'pelo', 'pelos', 'quando', 'são', 'também', 'tem', 'têm', 'teve', 'um', 'uma', 'umas', 'uns', 'você',
  ]),
};
