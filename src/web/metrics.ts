/** GET /metrics: Prometheus text format (version 0.0.4), rendered by the runtime (src/runtime/metrics.ts). */
import { Hono } from 'hono';

export function metricsRoutes(render: () => Promise<string>): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    c.header('content-type', 'text/plain; version=0.0.4; charset=utf-8');
    c.header('cache-control', 'no-store');
    return c.body(await render());
  });
  return app;
}
