/**
 * The admin login: the configured password is hashed once at start with scrypt (node:crypto) and
 * compared in constant time; a session is a random token in an HttpOnly, SameSite=Strict cookie
 * (Secure over https) with its own CSRF token, kept in memory (a restart logs the operator out).
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/** scrypt's recommended interactive cost (N=2^14, r=8, p=1): ~50 ms, 16 MiB per attempt. */
const SCRYPT = { N: 16384, r: 8, p: 1 };
const KEY_LENGTH = 32;
/** A session lasts a working day. */
export const SESSION_MS = 12 * 3_600_000;
/** Failed logins allowed per minute before the door closes for the rest of that minute. */
const FAILURES_PER_MINUTE = 10;

export interface PasswordHash {
  salt: Buffer;
  key: Buffer;
}

export function hashPassword(password: string, salt: Buffer = randomBytes(16)): PasswordHash {
  return { salt, key: scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, SCRYPT) };
}

export function verifyPassword(hash: PasswordHash, attempt: string): boolean {
  const key = scryptSync(attempt.normalize('NFC'), hash.salt, KEY_LENGTH, SCRYPT);
  return timingSafeEqual(key, hash.key);
}

export interface Session {
  csrf: string;
  expiresAt: number;
}

export class Sessions {
  private readonly sessions = new Map<string, Session>();
  private failures: { minute: number; count: number } = { minute: 0, count: 0 };

  constructor(private readonly now: () => number = Date.now) {}

  create(): { token: string; session: Session } {
    this.sweep();
    const token = randomBytes(32).toString('base64url');
    const session = { csrf: randomBytes(24).toString('base64url'), expiresAt: this.now() + SESSION_MS };
    this.sessions.set(token, session);
    return { token, session };
  }

  get(token: string | undefined): Session | null {
    if (!token) return null;
    const session = this.sessions.get(token);
    if (!session || session.expiresAt < this.now()) return null;
    return session;
  }

  end(token: string | undefined): void {
    if (token) this.sessions.delete(token);
  }

  /** False when too many logins failed this minute (a guessing attack). */
  mayTry(): boolean {
    const minute = Math.floor(this.now() / 60_000);
    return this.failures.minute !== minute || this.failures.count < FAILURES_PER_MINUTE;
  }

  failed(): void {
    const minute = Math.floor(this.now() / 60_000);
    this.failures = this.failures.minute === minute ? { minute, count: this.failures.count + 1 } : { minute, count: 1 };
  }

  private sweep(): void {
    const now = this.now();
    for (const [token, s] of this.sessions) if (s.expiresAt < now) this.sessions.delete(token);
  }
}

/** Constant-time comparison of two tokens. */
export function sameToken(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
