/**
 * GET /metrics: Prometheus text format (version 0.0.4), rendered by the runtime (src/runtime/prometheus.ts).
 * Opt-in and token-protected (issue 15: it was public): with no HAPPENINGS_METRICS_TOKEN the site
 * answers 404; otherwise only a request carrying `Authorization: Bearer <token>` gets the numbers.
 * `token: null` serves them to anyone: a worker's --metrics-port, asked for explicitly, without a token.
 */
import { Hono } from 'hono';
import { sameToken } from './admin/auth.js';

export function metricsRoutes(render: () => Promise<string>, token: string | null): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    c.header('cache-control', 'no-store');
    if (token === '') return c.text('Metrics are off: set HAPPENINGS_METRICS_TOKEN to turn them on.', 404);
    const given = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (token !== null && !sameToken(given, token)) {
      c.header('WWW-Authenticate', 'Bearer realm="metrics"');
      return c.text('A metrics token is needed.', 401);
    }
    c.header('content-type', 'text/plain; version=0.0.4; charset=utf-8');
    return c.body(await render());
  });
  return app;
}
