/** Reading numbers from paths and query strings; a bad value is the client's error (400), never a 500. */
import { HTTPException } from 'hono/http-exception';

/** A whole number from a query parameter, `fallback` when absent, 400 when malformed or out of range. */
export function intQuery(raw: string | undefined, name: string, range: { min: number; max: number; fallback: number }): number {
  if (raw === undefined || raw === '') return range.fallback;
  const n = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < range.min || n > range.max) {
    throw new HTTPException(400, { message: `${name} must be a whole number from ${range.min} to ${range.max}` });
  }
  return n;
}

/** An id from a path: anything that is not a positive whole number names nothing, hence 404. */
export function idParam(raw: string, what: string): number {
  const n = /^\d{1,15}$/.test(raw) ? Number(raw) : 0;
  if (n < 1) throw new HTTPException(404, { message: `No ${what} ${raw}` });
  return n;
}
