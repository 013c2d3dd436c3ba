/**
 * `/admin`: behind a password login. Every answer is `no-store`; every POST after login carries the
 * session's CSRF token and, when the browser sends one, an Origin of this site. After each action
 * the browser is sent back to /admin with a message (post/redirect/get).
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import { asHappeningsError } from '../../errors.js';
import type { SiteContext } from '../layout.js';
import { compile } from 'css-select';
import { idParam, languageQuery } from '../params.js';
import { MAX_SELECTOR_LENGTH } from './pages.js';
import type { AdminOps } from './admin-data.js';
import { hashPassword, sameToken, SESSION_MS, Sessions, verifyPassword } from './auth.js';
import { formWithin } from '../body-limit.js';
import { clientAddress, trustedProxies } from '../client-address.js';
import { LoginGuard } from './login-guard.js';
import ipaddr from 'ipaddr.js';
import { hostOf, isAllowedAddress, parseAllowList } from '../../pipeline/fetch/address-guard.js';
import { parseOverrides } from '../section-overrides.js';
import { dashboardPage, loginPage } from './pages.js';

const COOKIE = 'happenings_admin';
/** Largest OPML file read: thousands of feeds fit in 1 MiB. */
const MAX_OPML_BYTES = 1 << 20;
const ERRORS_SHOWN = 50;
/** A login form is a password and little else. */
const LOGIN_MAX_BODY_BYTES = 16 * 1024;

export interface AdminOptions {
  ops: AdminOps;
  password: string;
  /** Failed logins (and tries in flight) one client gets before a lock (default 10). */
  loginFailuresPerClient?: number;
  /** Reverse proxies whose X-Forwarded-For names the client (addresses or CIDRs). */
  trustedProxies?: string[];
}

export function adminRoutes(options: AdminOptions, siteFor: (c: Context) => SiteContext): Hono {
  const hash = hashPassword(options.password);
  const sessions = new Sessions();
  const guard = new LoginGuard({ failuresAllowed: options.loginFailuresPerClient ?? 10 });
  const trusted = trustedProxies(options.trustedProxies ?? []);
  const messages = new Map<string, string>();
  const admin = new Hono();

  admin.use(async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  const secure = (c: Context) =>
    new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';

  admin.get('/', async (c) => {
    const token = getCookie(c, COOKIE);
    const session = sessions.get(token);
    if (!session) return c.html(loginPage(siteFor(c), null).value);
    const message = messages.get(token!) ?? null;
    messages.delete(token!);
    const [sources, errors, translation, routes, models] = await Promise.all([
      options.ops.sources(),
      options.ops.itemErrors(ERRORS_SHOWN),
      options.ops.translationStatus(),
      options.ops.translationRoutes(),
      options.ops.models(),
    ]);
    const model = { csrf: session.csrf, sources, errors, translation, routes, models, message };
    return c.html(dashboardPage(siteFor(c), model).value);
  });

  // The try is taken before the body is read (login-guard.ts), the body read within a small limit,
  // the password checked off the event loop (auth.ts).
  admin.post('/login', async (c) => {
    checkOrigin(c);
    const client = clientAddress(c, trusted);
    const refusal = guard.begin(client);
    if (refusal) {
      c.header('Retry-After', String(refusal.retryAfterS));
      return c.html(loginPage(siteFor(c), `${refusal.reason} Wait a minute.`).value, 429);
    }
    let outcome: 'ok' | 'failed' | 'abandoned' = 'abandoned';
    try {
      const form = await formWithin(c, LOGIN_MAX_BODY_BYTES);
      const password = form.get('password');
      outcome = (await verifyPassword(hash, typeof password === 'string' ? password : '')) ? 'ok' : 'failed';
    } finally {
      guard.done(client, outcome);
    }
    if (outcome === 'failed') return c.html(loginPage(siteFor(c), 'Wrong password.').value, 401);
    const { token } = sessions.create();
    setCookie(c, COOKIE, token, {
      httpOnly: true,
      sameSite: 'Strict',
      secure: secure(c),
      path: '/admin',
      maxAge: SESSION_MS / 1000,
    });
    return c.redirect('/admin', 303);
  });

  /** Runs a logged-in, CSRF-checked action and redirects to /admin with its message. */
  const action = (work: (c: Context, form: Record<string, string | File>) => Promise<string>) => async (c: Context) => {
    checkOrigin(c);
    const token = getCookie(c, COOKIE);
    const session = sessions.get(token);
    if (!session) throw new HTTPException(403, { message: 'Log in first.' });
    const form = await c.req.parseBody();
    if (!sameToken(typeof form.csrf === 'string' ? form.csrf : undefined, session.csrf))
      throw new HTTPException(403, { message: 'The form expired; reload the admin page.' });
    let message: string;
    try {
      message = await work(c, form as Record<string, string | File>);
    } catch (error) {
      message = `Not done: ${asHappeningsError(error, 'web', 'bad-input').message}`;
    }
    messages.set(token!, message);
    return c.redirect('/admin', 303);
  };

  admin.post('/logout', async (c) => {
    checkOrigin(c);
    sessions.end(getCookie(c, COOKIE));
    deleteCookie(c, COOKIE, { path: '/admin' });
    return c.redirect('/admin', 303);
  });

  admin.post(
    '/sources',
    action(async (_c, form) => {
      const url = text(form.url);
      const added = await options.ops.addSource({
        url,
        name: text(form.name) || undefined,
        language: languageQuery(text(form.language)) ?? null,
        page: form.page === '1',
      });
      const said = added.created
        ? `Added ${added.name}; its first fetch is due now.`
        : `${added.name} was already followed.`;
      return `${said}${privateHostNote(url)}`;
    }),
  );

  admin.post(
    '/import',
    action(async (_c, form) => {
      const file = form.opml;
      if (!(file instanceof File)) return 'Choose an OPML file.';
      if (file.size > MAX_OPML_BYTES) return 'That file is larger than 1 MiB.';
      const { added, known } = await options.ops.importOpml(await file.text());
      return `Imported ${added} new sources (${known} already followed).`;
    }),
  );

  admin.post(
    '/sources/:id',
    action(async (c, form) => {
      const id = idParam(c.req.param('id') ?? '', 'source');
      const bodySelector = text(form.bodySelector);
      const problem = selectorProblem(bodySelector);
      if (problem) return problem;
      // Absent from the form (an older form, a script): the overrides are left as they are.
      const sections =
        form.sectionOverrides === undefined
          ? undefined
          : parseOverrides(text(form.sectionOverrides), siteFor(c).language);
      if (sections && 'problem' in sections) return sections.problem;
      const settings = {
        language: languageQuery(text(form.language)) ?? null,
        paused: form.paused === '1',
        excerptOnly: form.excerptOnly === '1',
        translate: form.translate === '1',
        bodySelector: bodySelector || null,
        ...(sections && { sectionOverrides: sections.overrides ? JSON.stringify(sections.overrides) : null }),
      };
      return (await options.ops.updateSource(id, settings)) ? 'Settings saved.' : `There is no source ${id}.`;
    }),
  );

  admin.post(
    '/sources/:id/retranslate',
    action(async (c) => {
      const id = idParam(c.req.param('id') ?? '', 'source');
      return (await options.ops.retranslateSource(id))
        ? 'Queued: the source’s articles are being re-translated in the background (progress in the log).'
        : `There is no source ${id}.`;
    }),
  );

  admin.post(
    '/retry',
    action(async (_c, form) => {
      const url = text(form.url);
      await options.ops.retryItem(url);
      return `Queued ${url} again.`;
    }),
  );

  return admin;
}

/** Why a body selector cannot be saved (too long, not CSS), or null when it can (empty clears it). */
export function selectorProblem(selector: string): string | null {
  if (selector.length > MAX_SELECTOR_LENGTH) return `A body selector is at most ${MAX_SELECTOR_LENGTH} characters.`;
  if (!selector) return null;
  try {
    compile(selector);
    return null;
  } catch {
    return `"${selector}" is not a CSS selector; nothing was saved.`;
  }
}

/**
 * A word when the address is on this machine or a private network (issue 15: a loopback source was
 * accepted without one): the fetcher refuses it unless HAPPENINGS_ALLOW_PRIVATE lists it.
 */
export function privateHostNote(url: string): string {
  let host: string;
  try {
    host = hostOf(new URL(url));
  } catch {
    return '';
  }
  const local =
    host === 'localhost' || host.endsWith('.localhost') || (ipaddr.isValid(host) && !isAllowedAddress(host, NO_ALLOW));
  return local
    ? ` Note: ${host} is a loopback or private address; it is fetched only if HAPPENINGS_ALLOW_PRIVATE lists it.`
    : '';
}

const NO_ALLOW = parseAllowList([]);

function text(value: string | File | undefined): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** A browser's POST from another site is refused (SameSite=Strict already withholds the cookie; this is the second lock). */
function checkOrigin(c: Context): void {
  const origin = c.req.header('origin');
  if (origin && origin !== 'null' && origin !== new URL(c.req.url).origin && !sameHost(origin, c.req.header('host'))) {
    throw new HTTPException(403, { message: 'Cross-site form refused.' });
  }
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return !!host && new URL(origin).host === host;
  } catch {
    return false;
  }
}
