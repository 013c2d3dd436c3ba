/** The one-line refusal of `translate` and `extract --to` when no configured engine does a pair. */
import { HappeningsError } from '../errors.js';
import type { Translator } from '../pipeline/translate/index.js';

/** Says which pairs each engine has (or why it is unavailable), not just that the engines are "ok". */
export async function noEngineError(translator: Translator, from: string, to: string): Promise<HappeningsError> {
  const reasons = (await translator.status()).map((s) =>
    s.available ? `${s.engine} has ${s.pairs.join(', ') || 'no pairs'}` : `${s.engine}: ${s.message}`,
  );
  return new HappeningsError(
    'translate',
    'translator',
    `no engine can translate ${from} to ${to} (${reasons.join('; ') || 'no engines configured'})`,
  );
}
