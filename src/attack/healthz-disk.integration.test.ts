/**
 * Issue 15, Low: /healthz said ok while ingest failed on a full disk. A `serve` whose disk has less
 * free space than HAPPENINGS_MIN_FREE_DISK_BYTES answers 503 with the reason.
 */
import { describe, expect, it } from 'vitest';
import { serve } from '../runtime/serve.js';
import { testConfig } from '../runtime/runtime.testkit.js';

describe('attack: a full disk', () => {
  it('makes /healthz answer 503 "degraded" with the reason, and ok again with room', async () => {
    for (const [minFree, status] of [
      [2 ** 50, 503],
      [0, 200],
    ] as const) {
      const serving = await serve(testConfig({ port: 0, minFreeDiskBytes: minFree }), { workers: false });
      try {
        const answer = await fetch(`${serving.url}/healthz`);
        const body = (await answer.json()) as { ok: boolean; degraded?: string };
        expect(answer.status).toBe(status);
        expect(body.ok).toBe(status === 200);
        if (status === 503) expect(body.degraded).toMatch(/^disk nearly full: \d+ MB free at /);
        else expect(body.degraded).toBeUndefined();
      } finally {
        await serving.close();
      }
    }
  });
});
