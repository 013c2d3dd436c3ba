/**
 * The admin login: the configured password is hashed once at start with scrypt (node:crypto) and
 * compared in constant time; a session is a random token in an HttpOnly, SameSite=Strict cookie
 * (Secure over https) with its own CSRF token, kept in memory (a restart logs the operator out).
 * A login's check runs on libuv's thread pool (async scrypt), never on the event loop: at ~40 ms a
 * check, 300 checked in a row froze the site for 11.6 s (issue 15). Limits per client: login-guard.ts.
 */
import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

/** scrypt's recommended interactive cost (N=2^14, r=8, p=1): ~50 ms, 16 MiB per attempt. */
const SCRYPT = { N: 16384, r: 8, p: 1 };
const KEY_LENGTH = 32;
/** A session lasts a working day. */
export const SESSION_MS = 12 * 3_600_000;
/** Longer attempts are wrong without being hashed (a 200 MB password was once checked). */
export const MAX_PASSWORD_LENGTH = 1024;

export interface PasswordHash {
  salt: Buffer;
  key: Buffer;
}

export function hashPassword(password: string, salt: Buffer = randomBytes(16)): PasswordHash {
  return { salt, key: scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, SCRYPT) };
}

export async function verifyPassword(hash: PasswordHash, attempt: string): Promise<boolean> {
  if (attempt.length > MAX_PASSWORD_LENGTH) return false;
  const key = await new Promise<Buffer>((resolve, reject) =>
    scrypt(attempt.normalize('NFC'), hash.salt, KEY_LENGTH, SCRYPT, (error, derived) =>
      error ? reject(error) : resolve(derived),
    ),
  );
  return timingSafeEqual(key, hash.key);
}

export interface Session {
  csrf: string;
  expiresAt: number;
}

export class Sessions {
  private readonly sessions = new Map<string, Session>();

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
