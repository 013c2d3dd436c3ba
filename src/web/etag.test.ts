import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createWebApp } from './app.js';
import { fakeSiteData } from './web.testkit.js';

const app = createWebApp({ data: fakeSiteData(), siteName: 'T', language: 'en', pageCacheMs: 0 });
const sha1 = (bytes: ArrayBuffer) => `"${createHash('sha1').update(new Uint8Array(bytes)).digest('hex')}"`;

describe('etag', () => {
  it('tags pages and API answers with the SHA-1 of the bytes sent, with the security headers kept', async () => {
    for (const path of ['/', '/search?q=mobility', '/api/v1/articles']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('etag'), path).toBe(sha1(await res.arrayBuffer()));
      expect(res.headers.get('content-security-policy'), path).toContain("default-src 'none'");
      expect(res.headers.get('cache-control'), path).toBe('public, max-age=60');
    }
    expect((await app.request('/')).headers.get('content-type')).toBe('text/html; charset=UTF-8');
  });

  it('answers 304 without a body to a matching If-None-Match (weak, listed or *), 200 otherwise', async () => {
    for (const path of ['/', '/api/v1/articles']) {
      const tag = (await app.request(path)).headers.get('etag')!;
      for (const ifNoneMatch of [tag, `W/${tag}`, `"other", ${tag}`, '*']) {
        const res = await app.request(path, { headers: { 'If-None-Match': ifNoneMatch } });
        expect(res.status, `${path} ${ifNoneMatch}`).toBe(304);
        expect(await res.text()).toBe('');
        expect(res.headers.get('etag')).toBe(tag);
        expect(res.headers.get('cache-control')).toBe('public, max-age=60');
      }
      expect((await app.request(path, { headers: { 'If-None-Match': '"other"' } })).status).toBe(200);
    }
  });

  it('leaves errors untagged', async () => {
    const res = await app.request('/story/999999');
    expect(res.status).toBe(404);
    expect(res.headers.get('etag')).toBeNull();
  });
});
