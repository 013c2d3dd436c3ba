/**
 * Debian's Chromium for the browser suites, driven by playwright-core (never a browser it downloads):
 * headless, no sandbox, nothing fetched in the background, a fresh profile each launch.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
/** Screenshots the suites keep (gitignored; CI keeps them as artifacts). */
export const SCREENSHOTS = join(process.cwd(), 'screenshots');

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * `bypassCSP` only so a test can inject axe-core or its own script: the site's CSP forbids every script.
 * Makes the screenshots folder too.
 */
export function launchChromium(options: { bypassCSP?: boolean; viewport?: boolean } = {}): Promise<BrowserContext> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'happenings-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    ...(options.bypassCSP && { bypassCSP: true }),
    ...(options.viewport !== false && { viewport: { width: 1280, height: 900 } }),
  });
}
