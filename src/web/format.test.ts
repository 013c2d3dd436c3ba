import { describe, expect, it } from 'vitest';
import { formatDate, timeTag, utcIso } from './format.js';

describe('dates', () => {
  it('formats in the site language, in UTC', () => {
    expect(formatDate('2024-05-01T23:30:00-05:00', 'en')).toBe('May 2, 2024');
    expect(formatDate('2024-05-01T10:00:00Z', 'es')).toBe('1 de mayo de 2024');
  });

  it('falls back to an ISO date for an unusable language tag', () => {
    expect(formatDate('2024-05-01T10:00:00Z', 'not a tag!')).toBe('2024-05-01');
  });

  it('renders <time datetime> in ISO 8601, and nothing for a missing or broken date', () => {
    expect(timeTag('2024-05-01T10:00:00+02:00', 'en').value).toBe(
      '<time datetime="2024-05-01T08:00:00.000Z">May 1, 2024</time>',
    );
    expect(timeTag(null, 'en').value).toBe('');
    expect(timeTag('yesterday', 'en').value).toBe('');
  });

  it('keeps a time already in UTC as it is, and reads any other as Date would', () => {
    expect(utcIso('2026-12-06T17:20:00.000Z')).toBe('2026-12-06T17:20:00.000Z');
    expect(utcIso('2026-12-06T18:20:00+01:00')).toBe('2026-12-06T17:20:00.000Z');
    expect(utcIso('2026-12-06T17:20:00Z')).toBe('2026-12-06T17:20:00.000Z');
    // Shaped like the fast path, but Date rolls these over: the same answer as before, not the text.
    expect(utcIso('2026-02-30T10:00:00.000Z')).toBe('2026-03-02T10:00:00.000Z');
    expect(utcIso('2026-12-31T24:00:00.000Z')).toBe('2027-01-01T00:00:00.000Z');
    expect(utcIso('2026-13-01T10:00:00.000Z')).toBeNull();
    expect(utcIso('not a time')).toBeNull();
    expect(timeTag('2026-02-30T10:00:00.000Z', 'en').value).toBe(
      '<time datetime="2026-03-02T10:00:00.000Z">March 2, 2026</time>',
    );
  });
});
