/**
 * The demo publisher: six invented news outlets in five languages, each on its own loopback origin,
 * so a newcomer sees a populated Happenings without internet and end-to-end tests have publishers
 * to follow. Outlet 1 (El Diario del Sur) also serves the misbehaving endpoints in demoBadPaths.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HappeningsError } from '../errors.js';
import { demoOutlets } from './content/index.js';
import type { DemoOutlet } from './content/types.js';
import { handle, siteRoutes } from './routes.js';
import { buildSite, type Site } from './site.js';

export { demoBadPaths, demoHugeBytes } from './bad-endpoints.js';

export interface DemoFeed {
  outlet: string;
  url: string;
  language: string;
  kind: 'feed' | 'sitemap';
}

export interface DemoPage {
  url: string;
  outlet: string;
  language: string;
  title: string;
  /** The happening it reports (DemoArticle.event): syndicated copies share their original's. */
  event: string;
  syndicated?: boolean;
}

export interface DemoPublisher {
  /** One origin per outlet, El Diario del Sur first. */
  origins: string[];
  feeds: DemoFeed[];
  /** Every article page. */
  pages: DemoPage[];
  close(): Promise<void>;
}

/**
 * Starts one node:http server per outlet (distinct ports are distinct hosts for per-host
 * politeness). `port` 0 (the default) picks free ports; any other port P puts outlet i on P + i.
 */
export async function startDemoPublisher(options: { host?: string; port?: number } = {}): Promise<DemoPublisher> {
  const host = options.host ?? '127.0.0.1';
  const now = new Date();
  const servers: Server[] = [];
  const sites: Site[] = [];
  try {
    for (const [i, outlet] of demoOutlets.entries()) {
      const { server, site } = await serveOutlet(outlet, host, options.port ? options.port + i : 0, now, i === 0);
      servers.push(server);
      sites.push(site);
    }
  } catch (error) {
    await closeAll(servers);
    throw new HappeningsError('fetch', 'network', `demo publisher could not listen on ${host}: ${String(error)}`, {
      cause: error,
    });
  }
  return {
    origins: sites.map((s) => s.origin),
    feeds: sites.map(feedOf),
    pages: sites.flatMap(pagesOf),
    close: () => closeAll(servers),
  };
}

async function serveOutlet(
  outlet: DemoOutlet,
  host: string,
  port: number,
  now: Date,
  withBadEndpoints: boolean,
): Promise<{ server: Server; site: Site }> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  const site = buildSite(outlet, `http://${host.includes(':') ? `[${host}]` : host}:${bound}`, now);
  server.on('request', handle(site, siteRoutes(site, withBadEndpoints)));
  return { server, site };
}

function feedOf(site: Site): DemoFeed {
  const kind = site.outlet.feed.format === 'news-sitemap' ? 'sitemap' : 'feed';
  return { outlet: site.outlet.name, url: site.feedUrl, language: site.outlet.language, kind };
}

function pagesOf(site: Site): DemoPage[] {
  return site.articles.map((a) => ({
    url: a.url,
    outlet: site.outlet.name,
    language: site.outlet.language,
    title: a.headline,
    event: a.event,
    ...(a.syndicated ? { syndicated: true } : {}),
  }));
}

/** Closes every server; open connections (the /slow one, keep-alive sockets) are cut, not awaited. */
async function closeAll(servers: Server[]): Promise<void> {
  await Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolve) => {
          if (!server.listening) return resolve();
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    ),
  );
}
