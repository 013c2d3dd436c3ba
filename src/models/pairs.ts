/**
 * Language pairs as `happenings models` names them ("de-en"), and the publisher's repository that
 * holds each pair's model: `Xenova/opus-mt-<from>-<to>` (the ONNX exports of Helsinki-NLP's OPUS-MT),
 * unless the table below knows better or the user says `--repo owner/name`.
 */
import { HappeningsError } from '../errors.js';

export interface Pair {
  from: string;
  to: string;
  /** "de-en": the folder name under modelsDir and the argument of `models add`. */
  name: string;
}

/**
 * Pairs whose model is not at the usual name. A guess from the publisher's listing (December 2026),
 * not a promise: OPUS-MT has no Portuguese or Galician → English model of its own, the Romance one
 * (fr, es, it, pt, gl, ca, ro, … → en) serves them. `--repo` overrides.
 */
const knownRepos: Record<string, string> = {
  'gl-en': 'Xenova/opus-mt-ROMANCE-en',
  'pt-en': 'Xenova/opus-mt-ROMANCE-en',
};

const PAIR = /^([a-z]{2,3})-([a-z]{2,3})$/;
const REPO = /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/;

/** "de-en" → {from:'de', to:'en'}; anything else is a one-line usage error. */
export function parsePair(text: string): Pair {
  const match = PAIR.exec(text.trim().toLowerCase());
  if (!match || match[1] === match[2])
    throw new HappeningsError('models', 'bad-input', `"${text}" is not a language pair (write it as de-en)`);
  return { from: match[1]!, to: match[2]!, name: `${match[1]}-${match[2]}` };
}

export function isPairName(text: string): boolean {
  return PAIR.test(text);
}

/** The repository for a pair: the user's, else the table's, else Xenova/opus-mt-<pair>. */
export function repoForPair(pair: Pair, override?: string): string {
  if (override !== undefined) {
    if (!REPO.test(override) || override.includes('..'))
      throw new HappeningsError(
        'models',
        'bad-input',
        `"${override}" is not a repository name (write it as owner/name)`,
      );
    return override;
  }
  return knownRepos[pair.name] ?? `Xenova/opus-mt-${pair.name}`;
}
