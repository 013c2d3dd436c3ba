/**
 * Where a translation came from, in words for readers: the engine (a neural engine by its model
 * family: "OPUS-MT"), the model and version, the pivot language, and the names put right afterwards.
 */
import { languageName } from '../language-names.js';
import type { TranslationText } from '../site-data.js';

const ENGINE_NAMES: Record<string, string> = {
  apertium: 'Apertium',
  libretranslate: 'LibreTranslate',
  argos: 'Argos Translate',
  deepl: 'DeepL',
  openai: 'an OpenAI-compatible model',
};

/** Model families by the start of the model's name; a neural engine is named by its family. */
const MODEL_FAMILIES: [prefix: string, family: string][] = [
  ['opus-mt', 'OPUS-MT'],
  ['bergamot', 'Bergamot'],
];

/** "Apertium 3.8.3", "OPUS-MT (opus-mt-de-en, version 2020-02-26)". */
export function translatorName(translation: Pick<TranslationText, 'engine' | 'engineVersion' | 'model'>): string {
  const { engine, engineVersion: version, model } = translation;
  const family = model ? MODEL_FAMILIES.find(([prefix]) => model.toLowerCase().startsWith(prefix))?.[1] : undefined;
  const name = family ?? ENGINE_NAMES[engine] ?? (engine === 'neural' ? 'a neural model' : engine);
  if (!model) return version ? `${name} ${version}` : name;
  return `${name} (${model}${version ? `, version ${version}` : ''})`;
}

/**
 * "Translated from Spanish by Apertium 3.8", "Translated from Portuguese via Spanish by Apertium
 * 3.8.3", "Translated from German by OPUS-MT (opus-mt-de-en, version 2020-02-26)".
 */
export function provenance(translation: TranslationText, from: string | null, siteLanguage: string): string {
  const source = from ? ` from ${languageName(from, siteLanguage)}` : '';
  const via = translation.via ? ` via ${languageName(translation.via, siteLanguage)}` : '';
  return `Translated${source}${via} by ${translatorName(translation)}`;
}

/** "2 names the engine changed or left out were put back. 1 name may be missing or changed." or "". */
export function nameRepairNote(translation: Pick<TranslationText, 'nameRepairs' | 'unrepairedNames'>): string {
  const unrepaired = translation.unrepairedNames ?? 0;
  const repaired = (translation.nameRepairs ?? 0) - unrepaired;
  const names = (n: number) => `${n} ${n === 1 ? 'name' : 'names'}`;
  const notes = [
    repaired > 0
      ? `${names(repaired)} the engine changed or left out ${repaired === 1 ? 'was' : 'were'} put back.`
      : '',
    unrepaired > 0 ? `${names(unrepaired)} may be missing or changed.` : '',
  ];
  return notes.filter(Boolean).join(' ');
}
