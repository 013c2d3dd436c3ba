/**
 * The one error type of Happenings. Every failure that crosses a stage boundary is wrapped once,
 * where it enters, into a HappeningsError with the stage it came from and a short code. Callers
 * check with `instanceof` and read `code`; messages start with the stage
 * (`extract: no article body found (https://…)`).
 */
export type Stage =
  | 'fetch'
  | 'feeds'
  | 'extract'
  | 'sanitize'
  | 'language'
  | 'translate'
  | 'dedupe'
  | 'cluster'
  | 'enrich'
  | 'store'
  | 'jobs'
  | 'web'
  | 'config'
  | 'models'
  | 'cli';

export type ErrorCode =
  | 'network'
  | 'timeout'
  | 'http-status'
  | 'too-large'
  | 'redirects'
  | 'robots'
  | 'blocked-address'
  | 'not-html'
  /** A body given as an image that is none (HTML, a script, junk) or a kind we refuse (SVG). */
  | 'not-image'
  | 'bad-feed'
  | 'bad-input'
  | 'no-article'
  /** A page that is the publisher's bot check or captcha, not the article (extract/bot-check.ts). */
  | 'bot-check'
  /** A page whose text is only a consent notice (cookie banner), not the article (extract/consent-notice.ts). */
  | 'consent-wall'
  | 'translator'
  | 'store'
  | 'config'
  | 'usage'
  /** A fault of ours (a bug), not of the page or the outside world; the stage says where it happened. */
  | 'internal';

export class HappeningsError extends Error {
  readonly stage: Stage;
  readonly code: ErrorCode;

  constructor(stage: Stage, code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(`${stage}: ${message}`, options);
    this.name = 'HappeningsError';
    this.stage = stage;
    this.code = code;
  }
}

/** Wraps any thrown value into a HappeningsError of the given stage (unchanged if it already is one). */
export function asHappeningsError(error: unknown, stage: Stage, code: ErrorCode): HappeningsError {
  if (error instanceof HappeningsError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new HappeningsError(stage, code, message, { cause: error });
}

/** One line for a log or a row: the message without a stack. */
export function errorLine(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}

/** The stored error code of any failure (`network` for unknown ones). */
export function errorCode(error: unknown): ErrorCode {
  return error instanceof HappeningsError ? error.code : 'network';
}
