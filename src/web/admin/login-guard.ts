/**
 * Limits on admin logins, per client address (client-address.ts), so that a guesser is slowed
 * and the real operator, elsewhere, is not locked out (issue 15, finding 9).
 *
 * A try is counted when it starts, before its body is read: 300 requests that send their headers
 * first and their bodies later used to pass a check made before any of them had failed (finding 1).
 * Here a client gets `failuresAllowed` tries (failed ones plus those in flight); past that it is
 * locked out for a minute, doubling at each new lock up to an hour. A success clears its record.
 * At most `checksAtOnce` password checks run at once across all clients (each takes 16 MiB).
 */
export interface LoginGuardOptions {
  failuresAllowed: number;
  checksAtOnce?: number;
  now?: () => number;
}

interface ClientRecord {
  failures: number;
  inFlight: number;
  lockedUntil: number;
  locks: number;
  lastAt: number;
}

const FIRST_LOCK_MS = 60_000;
const LONGEST_LOCK_MS = 3_600_000;
/** A client quiet this long starts afresh (failures forgotten). */
const FORGET_AFTER_MS = 6 * 3_600_000;
/** Clients remembered at most; beyond, the oldest quiet ones are dropped (bounded memory). */
const MAX_CLIENTS = 10_000;

export type LoginRefusal = { retryAfterS: number; reason: string };

export class LoginGuard {
  private readonly clients = new Map<string, ClientRecord>();
  private checking = 0;
  private readonly now: () => number;
  private readonly checksAtOnce: number;

  constructor(private readonly options: LoginGuardOptions) {
    this.now = options.now ?? Date.now;
    this.checksAtOnce = options.checksAtOnce ?? 4;
  }

  /** Takes a try for `client`, or says why not. Call `done` exactly once after a taken try. */
  begin(client: string): LoginRefusal | null {
    const now = this.now();
    const record = this.record(client, now);
    if (record.lockedUntil > now) {
      return { retryAfterS: Math.ceil((record.lockedUntil - now) / 1000), reason: 'Too many failed attempts.' };
    }
    // Tries in flight count as failures until they end: slow bodies cannot queue up past the limit.
    if (record.failures + record.inFlight >= this.options.failuresAllowed) {
      return { retryAfterS: 1, reason: 'Too many attempts at once.' };
    }
    if (this.checking >= this.checksAtOnce) return { retryAfterS: 1, reason: 'Too many logins at once.' };
    this.checking++;
    record.inFlight++;
    record.lastAt = now;
    return null;
  }

  done(client: string, outcome: 'ok' | 'failed' | 'abandoned'): void {
    const record = this.clients.get(client);
    this.checking = Math.max(0, this.checking - 1);
    if (!record) return;
    record.inFlight = Math.max(0, record.inFlight - 1);
    if (outcome === 'ok') {
      this.clients.delete(client);
      return;
    }
    if (outcome === 'failed') record.failures++;
    if (record.failures >= this.options.failuresAllowed) this.lock(record, this.now());
  }

  private lock(record: ClientRecord, now: number): void {
    if (record.lockedUntil > now) return;
    record.lockedUntil = now + Math.min(LONGEST_LOCK_MS, FIRST_LOCK_MS * 2 ** record.locks);
    record.locks++;
    record.failures = 0;
  }

  private record(client: string, now: number): ClientRecord {
    let record = this.clients.get(client);
    if (record && record.inFlight === 0 && record.lockedUntil < now && now - record.lastAt > FORGET_AFTER_MS) {
      this.clients.delete(client);
      record = undefined;
    }
    if (!record) {
      if (this.clients.size >= MAX_CLIENTS) this.forgetOldest();
      record = { failures: 0, inFlight: 0, lockedUntil: 0, locks: 0, lastAt: now };
      this.clients.set(client, record);
    }
    return record;
  }

  private forgetOldest(): void {
    // Map order is insertion order: the first quiet entries are the oldest.
    for (const [client, record] of this.clients) {
      if (record.inFlight === 0 && record.lockedUntil < this.now()) this.clients.delete(client);
      if (this.clients.size < MAX_CLIENTS * 0.9) return;
    }
  }
}
