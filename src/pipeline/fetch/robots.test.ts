import { describe, it, expect } from 'vitest';
import { HappeningsError } from '../../errors.js';
import { createRobotsGate, ROBOTS_FAILURE_TTL_MS, ROBOTS_TTL_MS, type RobotsFile } from './robots.js';

const UA = 'Happenings/0.1 (+https://example.org/about)';
const ROBOTS = [
  'User-agent: *',
  'Disallow: /private/',
  '',
  'User-agent: Happenings',
  'Disallow: /no-bots/',
  'Allow: /',
].join('\n');

function loader(answer: () => Promise<RobotsFile>) {
  const loads: string[] = [];
  return {
    loads,
    load: async (url: string) => {
      loads.push(url);
      return answer();
    },
  };
}

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'allowed',
    (e: unknown) => (e instanceof HappeningsError ? e.code : 'other'),
  );

describe('createRobotsGate', () => {
  it('obeys the group for our product token over *', async () => {
    const { load } = loader(async () => ({ status: 200, text: ROBOTS }));
    const gate = createRobotsGate(UA, load);
    expect(await codeOf(gate.assertAllowed(new URL('https://news.test/no-bots/a')))).toBe('robots');
    expect(await codeOf(gate.assertAllowed(new URL('https://news.test/private/a')))).toBe('allowed');
  });

  it('applies * when no group names us', async () => {
    const { load } = loader(async () => ({ status: 200, text: 'User-agent: *\nDisallow: /private/' }));
    const gate = createRobotsGate(UA, load);
    await expect(gate.assertAllowed(new URL('https://news.test/private/a'))).rejects.toThrow(
      'fetch: disallowed by robots.txt (https://news.test/private/a)',
    );
  });

  it('allows everything on 404 and caches per origin for an hour', async () => {
    let time = 0;
    const { load, loads } = loader(async () => ({ status: 404, text: '' }));
    const gate = createRobotsGate(UA, load, () => time);
    await gate.assertAllowed(new URL('https://news.test/a'));
    await gate.assertAllowed(new URL('https://news.test/b'));
    await gate.assertAllowed(new URL('https://other.test/b'));
    expect(loads).toEqual(['https://news.test/robots.txt', 'https://other.test/robots.txt']);
    time += ROBOTS_TTL_MS + 1;
    await gate.assertAllowed(new URL('https://news.test/a'));
    expect(loads).toHaveLength(3);
  });

  it('disallows everything on 5xx, 429 and network errors, for a short while', async () => {
    let time = 0;
    let answer: RobotsFile | Error = { status: 503, text: '' };
    const { load, loads } = loader(async () => {
      if (answer instanceof Error) throw answer;
      return answer;
    });
    const gate = createRobotsGate(UA, load, () => time);
    expect(await codeOf(gate.assertAllowed(new URL('https://a.test/x')))).toBe('robots');
    answer = { status: 429, text: '' };
    expect(await codeOf(gate.assertAllowed(new URL('https://b.test/x')))).toBe('robots');
    // A network failure keeps its own code, so the feed row says what really went wrong.
    answer = new HappeningsError('fetch', 'network', 'connection refused');
    expect(await codeOf(gate.assertAllowed(new URL('https://c.test/x')))).toBe('network');
    answer = { status: 200, text: '' };
    time += ROBOTS_FAILURE_TTL_MS + 1;
    expect(await codeOf(gate.assertAllowed(new URL('https://a.test/x')))).toBe('allowed');
    expect(loads).toHaveLength(4);
  });

  it('shares one load between concurrent checks', async () => {
    const { load, loads } = loader(async () => ({ status: 200, text: '' }));
    const gate = createRobotsGate(UA, load);
    await Promise.all([1, 2, 3].map((n) => gate.assertAllowed(new URL(`https://news.test/${n}`))));
    expect(loads).toHaveLength(1);
  });
});
