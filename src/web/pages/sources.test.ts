import { describe, expect, it } from 'vitest';
import { documentOf, testApp } from '../web.testkit.js';

describe('sources page', () => {
  it('lists each source with its language, article count and fetch health', async () => {
    const res = await testApp().app.request('/sources');
    expect(res.status).toBe(200);
    const doc = await documentOf(res);
    const rows = [...doc.querySelectorAll('table.sources tbody tr')];
    expect(rows).toHaveLength(2);
    const [healthy, failing] = rows.map((r) => r.textContent ?? '');
    expect(healthy).toContain('Diario de Ejemplo');
    expect(healthy).toContain('Spanish');
    expect(healthy).toContain('120');
    expect(healthy).not.toContain('error');
    expect(failing).toContain('3 errors');
    expect(failing).toContain('http-status');
    expect(failing).toContain('fetch: HTTP 503 from https://journal.example.fr/feed');
    expect(rows[1]!.querySelector('time')!.getAttribute('datetime')).toBe('2024-05-01T10:00:00.000Z');
  });

  it('says when a source was never fetched', async () => {
    const never = {
      id: 3,
      name: 'New',
      url: 'https://new.example/feed',
      language: null,
      articleCount: 0,
      lastSuccessAt: null,
      errorCount: 0,
      lastError: null,
      lastErrorCode: null,
    };
    const doc = await documentOf(await testApp({ sources: [never] }).app.request('/sources'));
    expect(doc.querySelector('tbody tr')!.textContent).toContain('Never fetched');
  });
});
