/**
 * robots.txt, cached per origin, read as RFC 9309 says:
 *  - 2xx: parse and obey (rules for our product token, else '*');
 *  - 4xx ("unavailable"), and more redirects than we follow: allow everything;
 *  - 5xx, 429 and network failures ("unreachable"): disallow everything, for a short while.
 * 429 is counted as unreachable (as Google does): a server asking us to slow down is not inviting a crawl.
 */
import robotsParserModule from 'robots-parser';
import { HappeningsError, type ErrorCode } from '../../errors.js';

// robots-parser is CommonJS (`module.exports = fn`) while its types say `export default fn`; under
// NodeNext the default import is module.exports itself, so the declared type is one level off.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

/** RFC 9309 §2.4: caches SHOULD NOT be kept longer than 24 hours; one hour picks up edits the same day. */
export const ROBOTS_TTL_MS = 60 * 60 * 1000;
/** An unreachable robots.txt blocks the site only until the next try, ten minutes later. */
export const ROBOTS_FAILURE_TTL_MS = 10 * 60 * 1000;

export interface RobotsFile {
  status: number;
  text: string;
}
/** Fetches a robots.txt (following redirects); throws HappeningsError on network failures. */
export type RobotsLoader = (robotsUrl: string) => Promise<RobotsFile>;

/** `code`: what the row shows: the network failure itself (network, timeout, …), or robots for a 5xx. */
type Verdict =
  | { kind: 'rules'; isAllowed: (url: string) => boolean }
  | { kind: 'allow-all' }
  | { kind: 'unreachable'; why: string; code: ErrorCode };

export interface RobotsGate {
  /** Throws HappeningsError('fetch', 'robots') when the URL may not be fetched now. */
  assertAllowed(url: URL): Promise<void>;
}

export function createRobotsGate(userAgent: string, load: RobotsLoader, now: () => number = Date.now): RobotsGate {
  const cache = new Map<string, { verdict: Promise<Verdict>; expires: number }>();

  function verdictFor(origin: string): Promise<Verdict> {
    const cached = cache.get(origin);
    if (cached && cached.expires > now()) return cached.verdict;
    if (cache.size > 10_000) cache.clear(); // a crude bound; a crawl rarely spans that many origins in an hour
    const entry = { verdict: readRobots(origin), expires: now() + ROBOTS_TTL_MS };
    cache.set(origin, entry);
    void entry.verdict.then((v) => {
      if (v.kind === 'unreachable') entry.expires = now() + ROBOTS_FAILURE_TTL_MS;
    });
    return entry.verdict;
  }

  async function readRobots(origin: string): Promise<Verdict> {
    const robotsUrl = `${origin}/robots.txt`;
    try {
      const file = await load(robotsUrl);
      return verdictFromFile(robotsUrl, file, userAgent);
    } catch (error) {
      if (error instanceof HappeningsError && error.code === 'redirects') return { kind: 'allow-all' };
      const code = error instanceof HappeningsError ? error.code : 'network';
      return { kind: 'unreachable', why: error instanceof Error ? error.message : String(error), code };
    }
  }

  return {
    async assertAllowed(url) {
      const verdict = await verdictFor(url.origin);
      if (verdict.kind === 'allow-all' || (verdict.kind === 'rules' && verdict.isAllowed(url.href))) return;
      if (verdict.kind === 'rules')
        throw new HappeningsError('fetch', 'robots', `disallowed by robots.txt (${url.href})`);
      const why = verdict.why.replace(/^fetch: /, '');
      throw new HappeningsError('fetch', verdict.code, `robots.txt unreachable, not fetching for now: ${why}`);
    },
  };
}

function verdictFromFile(robotsUrl: string, file: RobotsFile, userAgent: string): Verdict {
  if (file.status >= 200 && file.status < 300) {
    const robots = robotsParser(robotsUrl, file.text);
    // robots-parser answers undefined for another origin; ours always matches, so undefined means allowed.
    return { kind: 'rules', isAllowed: (url) => robots.isAllowed(url, userAgent) !== false };
  }
  if (file.status >= 400 && file.status < 500 && file.status !== 429) return { kind: 'allow-all' };
  return { kind: 'unreachable', why: `HTTP ${file.status} (${robotsUrl})`, code: 'robots' };
}
