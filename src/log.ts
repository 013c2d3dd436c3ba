/**
 * Logging: one line per event on stderr, `level stage: message`. Errors are one clear line; the
 * stack is printed only with --debug (HAPPENINGS_DEBUG=1).
 */
import { errorLine } from './errors.js';

let debugEnabled = process.env.HAPPENINGS_DEBUG === '1';
let quiet = false;

export function setDebug(on: boolean): void {
  debugEnabled = on;
}

export function setQuiet(on: boolean): void {
  quiet = on;
}

function write(level: string, message: string): void {
  if (quiet && level !== 'error') return;
  process.stderr.write(`${new Date().toISOString()} ${level} ${message}\n`);
}

export const log = {
  info: (message: string) => write('info', message),
  warn: (message: string) => write('warn', message),
  debug: (message: string) => {
    if (debugEnabled) write('debug', message);
  },
  error: (error: unknown, context?: string) => {
    write('error', context ? `${context}: ${errorLine(error)}` : errorLine(error));
    if (debugEnabled && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  },
};

/** A progress line: rewritten in place on a terminal, one log line per batch otherwise. */
export function progress(label: string, total?: number): { tick(n?: number): void; done(): void } {
  const tty = process.stderr.isTTY === true && !quiet;
  const started = Date.now();
  let count = 0;
  let lastLogged = 0;
  const line = () => {
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? (count / seconds).toFixed(1) : '0';
    return `${label}: ${count}${total ? `/${total}` : ''} (${rate}/s)`;
  };
  return {
    tick(n = 1) {
      count += n;
      if (tty) process.stderr.write(`\r${line()}`);
      else if (count - lastLogged >= 50) {
        lastLogged = count;
        write('info', line());
      }
    },
    done() {
      if (tty) process.stderr.write(`\r${line()}\n`);
      else write('info', line());
    },
  };
}
