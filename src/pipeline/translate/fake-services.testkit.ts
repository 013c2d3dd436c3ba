/**
 * For tests: loopback servers speaking LibreTranslate's, DeepL's and the OpenAI chat-completions
 * request/response formats. They "translate" by upper-casing text outside tags and outside
 * translate="no" spans. `script` queues what the next requests get: 'ok', '429' (with Retry-After: 0),
 * '500', 'garbage' (not JSON), 'empty' (a well-formed answer with nothing in it), 'hostile' (the
 * text translated, escaped markup un-escaped, and script, a refresh, a form and a style added).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Reply = 'ok' | '429' | '500' | 'garbage' | 'empty' | 'hostile';

/** What a careless model adds: escaped markup un-escaped, and markup of its own. */
export const HOSTILE_ADDITIONS =
  '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">' +
  '<meta http-equiv="refresh" content="0;url=https://evil.example/"><form action="/admin/sources" method="post">' +
  '<button>OK</button></form><style>body{display:none}</style><a href="javascript:window.__pwned=1">x</a>';

function hostileTranslate(html: string): string {
  return fakeTranslate(html).replace(/&lt;/g, '<').replace(/&gt;/g, '>') + HOSTILE_ADDITIONS;
}

export interface FakeService {
  url: string;
  script: Reply[];
  requests: { path: string; headers: IncomingMessage['headers']; body: any }[];
  close(): Promise<void>;
}

export function fakeTranslate(html: string): string {
  return html.replace(
    /(<span translate="no">[^<]*<\/span>)|(<[^>]*>)|(&[a-z#0-9]+;)|([^<&]+)/g,
    (all, kept, tag, entity, text: string | undefined) => (text ? text.toUpperCase() : all),
  );
}

type Handler = (path: string, body: any, empty: boolean, translate?: (html: string) => string) => unknown;

const handlers: Record<'libretranslate' | 'deepl' | 'openai', Handler> = {
  libretranslate: (path, body, empty, translate = fakeTranslate) => {
    if (path === '/languages')
      return [
        { code: 'es', name: 'Spanish', targets: ['en', 'fr'] },
        { code: 'en', name: 'English', targets: ['es'] },
      ];
    if (!body?.q) return { error: 'Invalid request: missing q parameter' };
    const one = (q: string) => (empty ? '' : translate(q));
    return { translatedText: Array.isArray(body.q) ? (empty ? [] : body.q.map(one)) : one(body.q) };
  },
  deepl: (path, body, empty, translate = fakeTranslate) => {
    if (path.startsWith('/v2/languages'))
      return path.includes('type=target')
        ? [
            { language: 'EN-GB', name: 'English (British)' },
            { language: 'FR', name: 'French' },
          ]
        : [{ language: 'ES', name: 'Spanish' }];
    return {
      translations: empty
        ? []
        : (body.text as string[]).map((t) => ({ detected_source_language: 'ES', text: translate(t) })),
    };
  },
  openai: (_path, body, empty, translate = fakeTranslate) => ({
    id: 'chatcmpl-1',
    object: 'chat.completion',
    model: body.model,
    choices: [
      {
        index: 0,
        finish_reason: 'stop',
        message: { role: 'assistant', content: empty ? '' : translate(body.messages.at(-1).content) },
      },
    ],
  }),
};

const errorBodies: Record<keyof typeof handlers, (status: number) => unknown> = {
  libretranslate: (status) => ({
    error: status === 429 ? 'Too many request limits violations' : 'Internal server error',
  }),
  deepl: (status) => ({ message: status === 429 ? 'Too many requests' : 'Internal error' }),
  openai: (status) => ({
    error: {
      message: status === 429 ? 'Rate limit reached' : 'The server had an error',
      type: status === 429 ? 'rate_limit_error' : 'server_error',
    },
  }),
};

export async function startFakeService(kind: keyof typeof handlers): Promise<FakeService> {
  const service: FakeService = { url: '', script: [], requests: [], close: async () => undefined };
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = raw ? JSON.parse(raw) : undefined;
    const path = (req.url ?? '/').replace(/^\/v1(?=\/chat)/, '');
    service.requests.push({ path, headers: req.headers, body });
    const reply = path.includes('languages') ? 'ok' : (service.script.shift() ?? 'ok');
    const send = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(typeof value === 'string' ? value : JSON.stringify(value));
    };
    if (reply === '429') return send(429, errorBodies[kind](429), { 'retry-after': '0' });
    if (reply === '500') return send(500, errorBodies[kind](500));
    if (reply === 'garbage') return send(200, '<html>Bad gateway</html>');
    send(200, handlers[kind](path, body, reply === 'empty', reply === 'hostile' ? hostileTranslate : fakeTranslate));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  service.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  service.close = () => new Promise((resolve) => server.close(() => resolve()));
  return service;
}
