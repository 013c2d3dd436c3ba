/**
 * The options table: each option's environment variable, default, parser and description
 * (config.ts reads values from the environment, a JSON file, or these defaults).
 */
type Parser<T> = (raw: string) => T;

export interface Option<T> {
  env: string;
  default: T;
  parse: Parser<T>;
  description: string;
  secret?: boolean;
}

const text: Parser<string> = (raw) => raw;
const list: Parser<string[]> = (raw) =>
  raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
/** A list of engines; "none" alone means no engine at all. */
const engineList: Parser<string[]> = (raw) => (/^\s*none\s*$/i.test(raw) ? [] : list(raw));
const int =
  (min: number, max: number): Parser<number> =>
  (raw) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new Error(`expected a whole number from ${min} to ${max}, got "${raw}"`);
    }
    return n;
  };
const bool: Parser<boolean> = (raw) => {
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new Error(`expected true or false, got "${raw}"`);
};

/** An IANA zone name Intl knows ("Europe/Madrid", "UTC"); a typo is refused rather than shown as UTC. */
const timeZone: Parser<string> = (raw) => {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: raw.trim() }).resolvedOptions().timeZone;
  } catch {
    throw new Error(`expected a time zone such as "UTC" or "Europe/Madrid", got "${raw}"`);
  }
};

function option<T>(o: Option<T>): Option<T> {
  return o;
}

export const options = {
  dbPath: option({
    env: 'HAPPENINGS_DB',
    default: './data/happenings.db',
    parse: text,
    description: 'SQLite file (ignored when DATABASE_URL is set)',
  }),
  databaseUrl: option({
    env: 'DATABASE_URL',
    default: '',
    parse: text,
    description: 'PostgreSQL connection string; empty means SQLite',
    secret: true,
  }),
  port: option({ env: 'PORT', default: 8080, parse: int(0, 65535), description: 'HTTP port of `serve`' }),
  host: option({ env: 'HOST', default: '127.0.0.1', parse: text, description: 'address `serve` listens on' }),
  siteName: option({
    env: 'HAPPENINGS_SITE_NAME',
    default: 'Happenings',
    parse: text,
    description: 'name shown on the site',
  }),
  siteUrl: option({
    env: 'HAPPENINGS_SITE_URL',
    default: '',
    parse: text,
    description: 'public base URL of the site (for feeds and canonical links)',
  }),
  languages: option({
    env: 'HAPPENINGS_LANGUAGES',
    default: ['en'],
    parse: (raw) => {
      const languages = list(raw);
      if (languages.length === 0) throw new Error('name at least one language (the first is the site language)');
      return languages;
    },
    description: 'languages the site translates into (first is the main one)',
  }),
  translationEngines: option({
    env: 'HAPPENINGS_TRANSLATION_ENGINES',
    default: ['neural', 'apertium'],
    parse: engineList,
    description:
      'engines in order of preference; neural serves only pairs with an installed model ("none": keep every article untranslated)',
  }),
  modelsDir: option({
    env: 'HAPPENINGS_MODELS_DIR',
    default: './data/models',
    parse: text,
    description: 'where translation models live, one folder per pair ("de-en"); `happenings models add` fills it',
  }),
  neuralFixedLength: option({
    env: 'HAPPENINGS_NEURAL_FIXED_LENGTH',
    default: false,
    parse: bool,
    description: 'benchmarks only: the neural engine writes as many tokens as it reads (models with random weights)',
  }),
  modelsUrl: option({
    env: 'HAPPENINGS_MODELS_URL',
    default: 'https://huggingface.co',
    parse: text,
    description: 'where `happenings models add` downloads models from (the publisher, or a mirror of it)',
  }),
  apertiumPath: option({
    env: 'HAPPENINGS_APERTIUM',
    default: 'apertium',
    parse: text,
    description: 'the apertium command',
  }),
  libretranslateUrl: option({
    env: 'HAPPENINGS_LIBRETRANSLATE_URL',
    default: '',
    parse: text,
    description: 'LibreTranslate base URL (engine "libretranslate")',
  }),
  libretranslateApiKey: option({
    env: 'HAPPENINGS_LIBRETRANSLATE_API_KEY',
    default: '',
    parse: text,
    description: 'LibreTranslate API key',
    secret: true,
  }),
  deeplUrl: option({
    env: 'HAPPENINGS_DEEPL_URL',
    default: 'https://api-free.deepl.com',
    parse: text,
    description: 'DeepL API base URL (engine "deepl")',
  }),
  deeplApiKey: option({
    env: 'HAPPENINGS_DEEPL_API_KEY',
    default: '',
    parse: text,
    description: 'DeepL authentication key',
    secret: true,
  }),
  openaiUrl: option({
    env: 'HAPPENINGS_OPENAI_URL',
    default: '',
    parse: text,
    description: 'OpenAI-compatible base URL ending in /v1, e.g. a local vLLM or Ollama (engine "openai")',
  }),
  openaiApiKey: option({
    env: 'HAPPENINGS_OPENAI_API_KEY',
    default: '',
    parse: text,
    description: 'API key of the OpenAI-compatible endpoint',
    secret: true,
  }),
  openaiModel: option({
    env: 'HAPPENINGS_OPENAI_MODEL',
    default: '',
    parse: text,
    description: 'model name for the OpenAI-compatible endpoint',
  }),
  contactUrl: option({
    env: 'HAPPENINGS_CONTACT_URL',
    default: 'https://github.com/happenings-news/happenings',
    parse: text,
    description: 'contact URL sent in the User-Agent',
  }),
  fetchDelayMs: option({
    env: 'HAPPENINGS_FETCH_DELAY_MS',
    default: 5000,
    parse: int(0, 3_600_000),
    description: 'minimum delay between two requests to one host',
  }),
  fetchTimeoutMs: option({
    env: 'HAPPENINGS_FETCH_TIMEOUT_MS',
    default: 20_000,
    parse: int(100, 600_000),
    description: 'timeout of one request',
  }),
  maxBodyBytes: option({
    env: 'HAPPENINGS_MAX_BODY_BYTES',
    default: 5 * 1024 * 1024,
    parse: int(1024, 1 << 30),
    description: 'largest response body read',
  }),
  maxRedirects: option({
    env: 'HAPPENINGS_MAX_REDIRECTS',
    default: 5,
    parse: int(0, 20),
    description: 'redirects followed per request',
  }),
  allowPrivateHosts: option({
    env: 'HAPPENINGS_ALLOW_PRIVATE',
    default: [] as string[],
    parse: list,
    description: 'private/loopback hosts or CIDRs the fetcher may reach (e.g. 127.0.0.1/8)',
  }),
  feedIntervalMinutes: option({
    env: 'HAPPENINGS_FEED_INTERVAL_MINUTES',
    default: 30,
    parse: int(1, 10_080),
    description: 'how often each feed is polled',
  }),
  workers: option({
    env: 'HAPPENINGS_WORKERS',
    default: 2,
    parse: int(0, 64),
    description: 'jobs run at once in this process (0: web only)',
  }),
  defaultSources: option({
    env: 'HAPPENINGS_DEFAULT_SOURCES',
    default: true,
    parse: bool,
    description: 'seed an empty store with the default source list',
  }),
  adminPassword: option({
    env: 'HAPPENINGS_ADMIN_PASSWORD',
    default: '',
    parse: text,
    description: 'password of /admin (empty: admin disabled)',
    secret: true,
  }),
  jobLockTimeoutMs: option({
    env: 'HAPPENINGS_JOB_LOCK_TIMEOUT_MS',
    default: 600_000,
    parse: int(300, 86_400_000),
    description: "how long a crashed worker's jobs stay locked before another worker takes them",
  }),
  maxRequestBodyBytes: option({
    env: 'HAPPENINGS_MAX_REQUEST_BODY_BYTES',
    default: 2 * 1024 * 1024,
    parse: int(1024, 1 << 30),
    description: 'largest request body the site reads (413 above; an OPML import is at most 1 MiB)',
  }),
  loginFailuresPerClient: option({
    env: 'HAPPENINGS_LOGIN_FAILURES',
    default: 10,
    parse: int(1, 1000),
    description:
      'failed admin logins (or tries in flight) one client address gets before a lock that doubles each time',
  }),
  trustedProxies: option({
    env: 'HAPPENINGS_TRUSTED_PROXIES',
    default: [] as string[],
    parse: list,
    description: 'reverse proxies (addresses or CIDRs) whose X-Forwarded-For names the client',
  }),
  metricsToken: option({
    env: 'HAPPENINGS_METRICS_TOKEN',
    default: '',
    parse: text,
    description: '/metrics answers only with "Authorization: Bearer <token>" (empty: /metrics is off)',
    secret: true,
  }),
  maxWarcRecordBytes: option({
    env: 'HAPPENINGS_MAX_WARC_RECORD_BYTES',
    default: 64 * 1024 * 1024,
    parse: int(1024, 1 << 30),
    description: 'largest decompressed WARC record read (a larger one is skipped and recorded)',
  }),
  maxFeedItems: option({
    env: 'HAPPENINGS_MAX_FEED_ITEMS',
    default: 5000,
    parse: int(1, 1_000_000),
    description: 'items read from one feed or sitemap document per poll (the rest are ignored; recorded on the feed)',
  }),
  maxPagesPerPoll: option({
    env: 'HAPPENINGS_MAX_PAGES_PER_POLL',
    default: 200,
    parse: int(1, 100_000),
    description:
      'new pages one poll of a feed queues (the rest are found again at the next poll; recorded on the feed)',
  }),
  maxSitemapsPerPoll: option({
    env: 'HAPPENINGS_MAX_SITEMAPS_PER_POLL',
    default: 3,
    parse: int(1, 1000),
    description: 'child sitemaps one poll of a sitemap index fetches, nested indexes included (newest first)',
  }),
  minFreeDiskBytes: option({
    env: 'HAPPENINGS_MIN_FREE_DISK_BYTES',
    default: 100 * 1024 * 1024,
    parse: int(0, 2 ** 50),
    description: 'free space below which /healthz reports the site degraded (SQLite)',
  }),
  timeZone: option({
    env: 'HAPPENINGS_TIME_ZONE',
    default: 'UTC',
    parse: timeZone,
    description: 'IANA time zone the site shows times in, e.g. Europe/Madrid',
  }),
  imageCacheDir: option({
    env: 'HAPPENINGS_IMAGE_CACHE_DIR',
    default: './data/images',
    parse: text,
    description: "where publishers' images are kept, resized, for the site to serve (/img)",
  }),
  imageCacheBytes: option({
    env: 'HAPPENINGS_IMAGE_CACHE_BYTES',
    default: 512 * 1024 * 1024,
    parse: int(0, 2 ** 50),
    description: 'total size of the image cache; least recently used images go first above it (0: no images)',
  }),
  imageMemoryBytes: option({
    env: 'HAPPENINGS_IMAGE_MEMORY_BYTES',
    default: 32 * 1024 * 1024,
    parse: int(0, 2 ** 40),
    description:
      "bytes of the most used images kept in memory, ready to send, per web process (0: every image read from the cache's files)",
  }),
  publicMode: option({
    env: 'HAPPENINGS_PUBLIC',
    default: true,
    parse: bool,
    description:
      'public site: sources marked excerpt-only show title, lead and link (false: a private instance shows all)',
  }),
} as const;
