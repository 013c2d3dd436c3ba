import { describe, expect, it } from 'vitest';
import type { Translator } from '../pipeline/translate/index.js';
import { noEngineError } from './no-engine.js';

const translator = (statuses: Awaited<ReturnType<Translator['status']>>) =>
  ({ status: async () => statuses }) as unknown as Translator;

describe('noEngineError', () => {
  it('says which pairs the engines have, not that they are "ok" (extract --to xx said "(ok)")', async () => {
    const error = await noEngineError(
      translator([
        { engine: 'apertium', available: true, pairs: ['es-en', 'en-es'], version: '3.9', message: 'ok' },
        { engine: 'deepl', available: false, pairs: [], version: null, message: 'set HAPPENINGS_DEEPL_API_KEY' },
      ]),
      'es',
      'xx',
    );
    expect(error.message).toBe(
      'translate: no engine can translate es to xx (apertium has es-en, en-es; deepl: set HAPPENINGS_DEEPL_API_KEY)',
    );
    expect((await noEngineError(translator([]), 'es', 'xx')).message).toMatch(/\(no engines configured\)$/);
  });
});
