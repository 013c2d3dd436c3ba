import { describe, it, expect } from 'vitest';
import { describeFetcherContract } from './fetcher-contract.testkit.js';
import { createMemoryFetcher } from './memory-fetcher.js';

const BASE = 'https://memory.test';

describeFetcherContract('memory', async (site) => {
  const answers = Object.fromEntries(Object.entries(site).map(([path, answer]) => [BASE + path, answer]));
  return { fetcher: createMemoryFetcher(answers), urlOf: (path) => BASE + path, close: async () => {} };
});

describe('createMemoryFetcher', () => {
  it('records requests and stops redirect loops', async () => {
    const fetcher = createMemoryFetcher(
      {
        [`${BASE}/a`]: { status: 302, headers: { Location: '/b' } },
        [`${BASE}/b`]: { status: 302, headers: { Location: '/a' } },
      },
      3,
    );
    await expect(fetcher.fetchPage({ url: `${BASE}/a`, etag: '"x"' })).rejects.toMatchObject({ code: 'redirects' });
    expect(fetcher.requests).toEqual([{ url: `${BASE}/a`, etag: '"x"' }]);
  });
});
