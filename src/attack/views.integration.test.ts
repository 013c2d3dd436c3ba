/**
 * Issue 15, Low: "most read" could be pushed by 300 anonymous GETs. Over a real server, 300 reader
 * GETs of one article from one client (its own process) count one view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type RunningServer } from '../web/server.js';
import { testApp, translatedArticle } from '../web/web.testkit.js';
import { runAttacker } from './attack.testkit.js';

let server: RunningServer;
const { app, data } = testApp();
beforeAll(async () => {
  server = await startWebServer(app, { port: 0, host: '127.0.0.1' });
});
afterAll(() => server.close());

describe('attack: pushing "most read"', () => {
  it('300 GETs of one article from one client count once', async () => {
    const statuses = await runAttacker(['get', server.url, translatedArticle.pagePath, '300']);
    expect(statuses.filter((s) => s === 200)).toHaveLength(300);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(data.views).toEqual([translatedArticle.id]);
  });
});
