/**
 * Metrics in Prometheus text format. Counters this process saw (fetches, fetch errors by code,
 * translation time) come from wrapping the fetcher and the translator; what the whole deployment
 * did (articles stored, errors by code, queue depth) is read from the shared database, so any
 * one process's /metrics tells the cluster's state and each worker adds its own work.
 */
import { errorCode } from '../errors.js';
import type { JobQueue } from '../jobs/index.js';
import type { Fetcher } from '../pipeline/fetch/index.js';
import type { Translator } from '../pipeline/translate/index.js';
import type { Store } from '../store/index.js';

export class Metrics {
  readonly fetches = new Map<string, number>();
  readonly fetchErrors = new Map<string, number>();
  translations = 0;
  translationSeconds = 0;

  count(map: Map<string, number>, label: string): void {
    map.set(label, (map.get(label) ?? 0) + 1);
  }
}

export function instrumentFetcher(fetcher: Fetcher, metrics: Metrics): Fetcher {
  const counted = async <T>(fetch: () => Promise<T>): Promise<T> => {
    try {
      const answer = await fetch();
      metrics.count(metrics.fetches, 'ok');
      return answer;
    } catch (error) {
      metrics.count(metrics.fetches, 'error');
      metrics.count(metrics.fetchErrors, errorCode(error));
      throw error;
    }
  };
  const { fetchBytes, holdHost } = fetcher;
  return {
    fetchPage: (req) => counted(() => fetcher.fetchPage(req)),
    ...(fetchBytes && { fetchBytes: (req) => counted(() => fetchBytes.call(fetcher, req)) }),
    ...(holdHost && { holdHost: (url, ms) => holdHost.call(fetcher, url, ms) }),
    close: () => fetcher.close(),
  };
}

export function instrumentTranslator(translator: Translator, metrics: Metrics): Translator {
  return {
    async translateArticle(article, from, to) {
      const started = process.hrtime.bigint();
      try {
        return await translator.translateArticle(article, from, to);
      } finally {
        metrics.translations++;
        metrics.translationSeconds += Number(process.hrtime.bigint() - started) / 1e9;
      }
    },
    translateText: (lines, from, to) => translator.translateText(lines, from, to),
    status: () => translator.status(),
    routes: (pairs) => translator.routes(pairs),
    close: () => translator.close(),
  };
}

/** Prometheus label values escape backslash, quote and newline. */
function label(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function family(
  name: string,
  type: 'counter' | 'gauge',
  help: string,
  samples: [Record<string, string>, number][],
): string[] {
  const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`];
  for (const [labels, value] of samples) {
    const text = Object.entries(labels)
      .map(([k, v]) => `${k}="${label(v)}"`)
      .join(',');
    lines.push(`${name}${text ? `{${text}}` : ''} ${Number.isFinite(value) ? value : 0}`);
  }
  return lines;
}

const fromMap = (map: Map<string, number>, key: string) =>
  [...map].map(([v, n]) => [{ [key]: v }, n] as [Record<string, string>, number]);

const byCode = (counts: { code: string; count: number }[]) =>
  counts.map(({ code, count }) => [{ code }, count] as [Record<string, string>, number]);

/** The text of /metrics. */
export async function renderMetrics(metrics: Metrics, store: Store, queue: JobQueue): Promise<string> {
  const jobs = await queue.stats();
  const usage = process.cpuUsage();
  const lines = [
    ...family(
      'happenings_fetches_total',
      'counter',
      'HTTP fetches by this process, by outcome.',
      fromMap(metrics.fetches, 'outcome'),
    ),
    ...family(
      'happenings_fetch_errors_total',
      'counter',
      'Failed fetches by this process, by error code.',
      fromMap(metrics.fetchErrors, 'code'),
    ),
    ...family('happenings_translation_seconds_sum', 'counter', 'Time this process spent translating articles.', [
      [{}, metrics.translationSeconds],
    ]),
    ...family('happenings_translation_seconds_count', 'counter', 'Articles this process translated.', [
      [{}, metrics.translations],
    ]),
    ...family('happenings_articles', 'gauge', 'Articles stored (the whole deployment).', [
      [{}, await store.articleCount()],
    ]),
    ...family(
      'happenings_item_errors',
      'gauge',
      'Pages that failed to ingest, by error code.',
      byCode(await store.itemErrorCounts()),
    ),
    ...family(
      'happenings_feed_errors',
      'gauge',
      'Feeds whose last fetch failed, by error code.',
      byCode(await store.feedErrorCounts()),
    ),
    ...family('happenings_jobs', 'gauge', 'Jobs in the queue, by state (queue depth).', [
      [{ state: 'pending' }, jobs.pending],
      [{ state: 'running' }, jobs.running],
      [{ state: 'failed' }, jobs.failed],
    ]),
    ...family('process_cpu_seconds_total', 'counter', 'User and system CPU time of this process.', [
      [{}, (usage.user + usage.system) / 1e6],
    ]),
    ...family('process_resident_memory_bytes', 'gauge', 'Resident memory of this process.', [
      [{}, process.memoryUsage.rss()],
    ]),
  ];
  return `${lines.join('\n')}\n`;
}
