/**
 * The configuration: the typed table of options (config-options.ts: name, environment variable, default,
 * parser, description); values come from the environment, else an optional JSON file
 * (HAPPENINGS_CONFIG, default ./happenings.json if present), else the default.
 * `happenings config` prints the effective values with secrets masked.
 */
import { existsSync, readFileSync } from 'node:fs';
import { HappeningsError } from './errors.js';
import { options, type Option } from './config-options.js';

export { options };

type Options = typeof options;
export type Config = { [K in keyof Options]: Options[K]['default'] };

/** The site's main language: pages, story titles and feeds are in it (the first of HAPPENINGS_LANGUAGES). */
export function siteLanguage(config: Pick<Config, 'languages'>): string {
  const language = config.languages[0];
  if (!language) throw new HappeningsError('config', 'config', 'HAPPENINGS_LANGUAGES: name at least one language');
  return language;
}

/** Reads the effective configuration: environment first, then the optional file, then defaults. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const file = readConfigFile(env.HAPPENINGS_CONFIG);
  const config: Record<string, unknown> = {};
  for (const [key, o] of Object.entries(options) as [keyof Options, Option<unknown>][]) {
    const raw = env[o.env] ?? fileValue(file, o.env) ?? fileValue(file, key);
    config[key] = raw === undefined ? o.default : parseOption(o, raw);
  }
  return { ...(config as Config), ...overrides };
}

function parseOption(o: Option<unknown>, raw: string): unknown {
  try {
    return o.parse(raw);
  } catch (error) {
    throw new HappeningsError('config', 'config', `${o.env}: ${(error as Error).message}`);
  }
}

function fileValue(file: Record<string, unknown>, key: string): string | undefined {
  const value = file[key];
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) ? value.join(',') : String(value);
}

/**
 * The file's keys are the environment variables' names (`PORT`, `HAPPENINGS_SITE_NAME`), as the README
 * documents; the options' camelCase names (`port`, `siteName`) are accepted too, as they were the only keys read
 * before. Any other key is refused, so a misspelt option is an error rather than silently ignored.
 */
function readConfigFile(path: string | undefined): Record<string, unknown> {
  const file = path ?? './happenings.json';
  if (!existsSync(file)) {
    if (path) throw new HappeningsError('config', 'config', `config file not found: ${path}`);
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new HappeningsError('config', 'config', `cannot read ${file}: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new HappeningsError('config', 'config', `${file}: expected a JSON object of settings such as {"PORT": 8080}`);
  }
  checkFileKeys(file, parsed as Record<string, unknown>);
  return parsed as Record<string, unknown>;
}

function checkFileKeys(file: string, values: Record<string, unknown>): void {
  const entries = Object.entries(options) as [keyof Options, Option<unknown>][];
  const known = new Set(entries.flatMap(([key, o]) => [key, o.env]));
  const unknown = Object.keys(values).filter((key) => !known.has(key));
  if (unknown.length > 0) {
    const names = unknown.map((key) => `"${key}"`).join(', ');
    throw new HappeningsError(
      'config',
      'config',
      `${file}: unknown key${unknown.length > 1 ? 's' : ''} ${names} (keys are the variable names that \`happenings config\` prints, e.g. "PORT")`,
    );
  }
  const twice = entries.filter(([key, o]) => key in values && o.env in values).map(([key, o]) => `${o.env}/${key}`);
  if (twice.length > 0) {
    throw new HappeningsError('config', 'config', `${file}: ${twice.join(', ')} given twice; keep one`);
  }
}

/** The effective values as printable lines, secrets masked. */
export function describeConfig(config: Config): string[] {
  return (Object.entries(options) as [keyof Options, Option<unknown>][]).map(([key, o]) => {
    const value = config[key];
    const shown = o.secret && value ? '********' : Array.isArray(value) ? value.join(',') : String(value);
    return `${o.env}=${shown}    # ${o.description}`;
  });
}
