/**
 * Which engine serves a language pair, and by what route: what `happenings config` and /admin show
 * ("de → en: neural opus-mt-de-en (rev 1a2b3c4)", "pt → en: apertium 3.8.3 via es", "ru → en: none
 * (install a model: happenings models add ru-en)"), and what `retranslate` compares a stored
 * translation with.
 */
import type { EngineRoute, PairRoute, TranslationEngine } from './types.js';

export type { PairRoute } from './types.js';

/**
 * Languages news sources commonly publish in, for listing routes where the sources' own languages
 * are not known (`happenings config` opens no store): Western Europe's, then the largest others.
 */
export const commonSourceLanguages = [
  'es',
  'pt',
  'fr',
  'de',
  'it',
  'ru',
  'pl',
  'tr',
  'ar',
  'zh',
  'ja',
  'ca',
  'gl',
  'eu',
];

/** Every (from, to) of the languages into the site languages, from ≠ to, in the order given. */
export function pairsInto(fromLanguages: string[], siteLanguages: string[]): { from: string; to: string }[] {
  return siteLanguages.flatMap((to) =>
    [...new Set(fromLanguages)].filter((from) => from !== to).map((from) => ({ from, to })),
  );
}

/** The route of one pair through an engine (its describe(), else just its version). */
export async function routeOf(engine: TranslationEngine | null, from: string, to: string): Promise<PairRoute> {
  if (!engine) return { from, to, engine: null, model: null, version: null, via: null };
  const described: EngineRoute = await (engine.describe?.(from, to) ?? describeByVersion(engine)).catch(() =>
    describeByVersion(engine),
  );
  return { from, to, engine: engine.name, model: described.model, version: described.version, via: described.via };
}

async function describeByVersion(engine: TranslationEngine): Promise<EngineRoute> {
  return { model: null, version: await engine.version().catch(() => 'unknown'), via: null };
}

/**
 * One line for people: the engine, its model and version, the pivot; or how to get the pair
 * translated (`engines`, the configured order: when it leaves the neural engine out, say so too).
 */
export function routeLine(route: PairRoute, engines?: string[]): string {
  const pair = `${route.from} → ${route.to}`;
  if (!route.engine) {
    const add = `happenings models add ${route.from}-${route.to}`;
    return engines && !engines.some((e) => e === 'neural' || e.endsWith(':neural'))
      ? `${pair}: none (install a model: ${add}, and put neural in HAPPENINGS_TRANSLATION_ENGINES)`
      : `${pair}: none (install a model: ${add})`;
  }
  const version = route.version ? versionText(route.version, route.model !== null) : '';
  const what = route.model
    ? `${route.engine} ${route.model}${version ? ` (${version})` : ''}`
    : `${route.engine} ${version}`;
  return `${pair}: ${what.trim()}${route.via ? ` via ${route.via}` : ''}`;
}

/** A model's version is the publisher's commit ("rev 1a2b3c4") or "local"; an engine's is its release. */
function versionText(version: string, isModel: boolean): string {
  return isModel && /^[0-9a-f]{7,64}$/.test(version) ? `rev ${version.slice(0, 7)}` : version;
}
