/**
 * Capitalised words that make a run of capitals an institution, a title or a sentence opener rather
 * than a person's name, so the run is left to the translator ("Casa Blanca" → "White House").
 * Lower case, sorted. The gazetteer of a later version replaces this guesswork.
 */
export const nameStopwords: ReadonlySet<string> = new Set([
  'abril', 'agosto', 'asamblea', 'ayuntamiento', 'banco', 'blanca', 'casa', 'central', 'comisión', 'congreso',
  'consejo', 'constitucional', 'cortes', 'diciembre', 'domingo', 'el', 'en', 'enero', 'estado', 'estados', 'europa',
  'europea', 'europeo', 'febrero', 'fondo', 'generalitat', 'gobierno', 'jueves', 'julio', 'junio', 'junta', 'la',
  'las', 'los', 'lunes', 'marzo', 'martes', 'mayo', 'miércoles', 'ministerio', 'ministra', 'ministro', 'monetario',
  'mundial', 'naciones', 'noviembre', 'octubre', 'organización', 'parlamento', 'partido', 'popular', 'presidenta',
  'presidente', 'primer', 'primera', 'reina', 'reino', 'rey', 'sábado', 'salud', 'senado', 'septiembre',
  'socialista', 'supremo', 'tribunal', 'un', 'una', 'unida', 'unidas', 'unido', 'unidos', 'unión', 'viernes',
]);
