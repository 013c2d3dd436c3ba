/**
 * The contract every TranslationEngine adapter passes: the HTTP ones over loopback fakes
 * (http-engines.test.ts), Apertium for real (apertium.integration.test.ts). What is asserted holds
 * for any real translation: shape, empties, names, markup. A `service` (a fake) adds the failure cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HappeningsError } from '../../errors.js';
import type { FakeService } from './fake-services.testkit.js';
import type { TranslationEngine } from './types.js';

export interface ContractSetup {
  /** Has a fake service whose failures the suite can script. */
  scriptable: boolean;
  start(): Promise<{ engine: TranslationEngine; service?: FakeService }>;
}

export function engineContract(label: string, setup: ContractSetup): void {
  describe(`TranslationEngine contract: ${label}`, () => {
    let engine: TranslationEngine;
    let service: FakeService | undefined;
    beforeAll(async () => ({ engine, service } = await setup.start()));
    afterAll(async () => {
      await engine.close();
      await service?.close();
    });

    it('says which pairs it does', async () => {
      expect(await engine.supports('es', 'en')).toBe(true);
      expect(await engine.supports('xx', 'yy')).toBe(false);
      expect(await engine.version()).toMatch(/\S/);
    });

    it('gives one output per input, in order, empty inputs empty', async () => {
      const out = await engine.translateTexts(['Hola.', '', 'Dos y tres.', '  '], 'es', 'en');
      expect(out).toHaveLength(4);
      expect(out[0]).toMatch(/^\S.*\.$/);
      expect(out[2]).toMatch(/^\S.*\.$/);
      expect([out[1], out[3]]).toEqual(['', '  ']);
      expect(await engine.translateTexts([], 'es', 'en')).toEqual([]);
    });

    it('keeps names as written and text with markup characters intact', async () => {
      const [out] = await engine.translateTexts(['Putin recibe a Kim Jong Un & <Nguyen Phu Trong>'], 'es', 'en');
      expect(out).toContain('Putin');
      expect(out).toContain('Kim Jong Un');
      expect(out).toContain('& <Nguyen Phu Trong>');
    });

    it('keeps HTML tags and attributes', async () => {
      const out = await engine.translateHtml(
        '<p>La casa <a href="/x?a=1&amp;b=2">de Kim Jong Un</a>.</p><ul><li>Uno</li></ul>',
        'es',
        'en',
      );
      expect(out).toMatch(
        /^<p>\S[^<]* <a href="\/x\?a=1&amp;b=2">[^<]*Kim Jong Un<\/a>\.<\/p><ul><li>\S+<\/li><\/ul>$/,
      );
    });

    if (!setup.scriptable) return;

    it('waits and retries when rate-limited (429 with Retry-After)', async () => {
      service!.script.push('429', '429');
      expect(await engine.translateTexts(['hola'], 'es', 'en')).toEqual(['HOLA']);
    });

    it('fails with a HappeningsError naming the engine: server error, garbage, empty answer, endless 429', async () => {
      for (const reply of ['500', 'garbage', 'empty'] as const) {
        service!.script.push(reply);
        const failure = await engine.translateTexts(['hola'], 'es', 'en').catch((e: unknown) => e);
        expect(failure).toBeInstanceOf(HappeningsError);
        expect((failure as HappeningsError).code).toBe('translator');
        expect((failure as Error).message).toContain(engine.name);
      }
      service!.script.push('429', '429', '429', '429', '429');
      const limited = await engine.translateTexts(['hola'], 'es', 'en').catch((e: unknown) => e);
      expect((limited as Error).message).toMatch(/429.*rate limited/);
      service!.script.length = 0;
    });
  });
}
