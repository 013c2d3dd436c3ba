import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { limitBodies } from './body-limit.js';

function app(): Hono {
  const a = new Hono();
  a.use(limitBodies(100));
  a.get('/page', (c) => c.text('page'));
  a.post('/form', async (c) => c.text(`read ${(await c.req.text()).length}`));
  return a;
}

describe('limitBodies', () => {
  it('answers a GET without a body at once', async () => {
    const res = await app().request('/page');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('page');
  });

  it('still counts a body that comes without Content-Length (an in-process request) and refuses it past the limit', async () => {
    const big = await app().request('/form', { method: 'POST', body: 'x'.repeat(500) });
    expect(big.status).toBe(413);
    const small = await app().request('/form', { method: 'POST', body: 'x'.repeat(50) });
    expect(await small.text()).toBe('read 50');
  });

  it('refuses a declared Content-Length over the limit before reading', async () => {
    const res = await app().request('/form', {
      method: 'POST',
      headers: { 'content-length': '5000' },
      body: 'x'.repeat(10),
    });
    expect(res.status).toBe(413);
  });
});
