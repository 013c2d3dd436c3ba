import { describe, expect, it } from 'vitest';
import { toIsoDate } from './dates.js';

describe('toIsoDate', () => {
  const cases: Array<[string, string | null]> = [
    // RFC 822 as RSS writes it
    ['Tue, 10 Jun 2025 08:30:00 +0200', '2025-06-10T06:30:00.000Z'],
    ['Tue, 10 Jun 2025 06:05:00 GMT', '2025-06-10T06:05:00.000Z'],
    ['10 Jun 2025 06:05 EST', '2025-06-10T11:05:00.000Z'],
    ['Tue, 10 Jun 25 08:30:00 +0000', '2025-06-10T08:30:00.000Z'],
    ['Tue, 10 Jun 2025 08:30:00 CEST', '2025-06-10T06:30:00.000Z'],
    ['Tue,10 Jun 2025 08:30:00 -0330', '2025-06-10T12:00:00.000Z'],
    // localized month and weekday names seen in Spanish and French feeds
    ['lun, 09 jun 2025 21:00:00 +0200', '2025-06-09T19:00:00.000Z'],
    ['mar., 10 juin 2025 08:00:00 +0200', '2025-06-10T06:00:00.000Z'],
    ['ven., 11 juil. 2025 08:00:00 +0200', '2025-07-11T06:00:00.000Z'],
    ['mié, 03 dic 2025 10:00:00 +0100', '2025-12-03T09:00:00.000Z'],
    ['5 août 2025 10:00:00 +0200', '2025-08-05T08:00:00.000Z'],
    // W3C-DTF / ISO 8601 (Atom, dc:date, JSON Feed, sitemaps)
    ['2025-06-10T07:45:00+02:00', '2025-06-10T05:45:00.000Z'],
    ['2025-06-10T10:00+02:00', '2025-06-10T08:00:00.000Z'],
    ['2025-06-10T10:00:00.123456Z', '2025-06-10T10:00:00.123Z'],
    ['2025-06-10 10:00:00', '2025-06-10T10:00:00.000Z'],
    ['2025-06-10T10:00:00+0530', '2025-06-10T04:30:00.000Z'],
    ['2025-06-10', '2025-06-10T00:00:00.000Z'],
    ['2025-06', '2025-06-01T00:00:00.000Z'],
    ['  2025-06-10T10:00:00Z\n', '2025-06-10T10:00:00.000Z'],
    // unreadable
    ['', null],
    ['   ', null],
    ['yesterday', null],
    ['2025-13-40', null],
    ['31 Foo 2025 10:00:00 GMT', null],
    ['0000-01-01T00:00:00Z', null],
  ];

  for (const [raw, expected] of cases) {
    it(`reads ${JSON.stringify(raw)}`, () => {
      expect(toIsoDate(raw)).toBe(expected);
    });
  }

  it('returns null for a missing value', () => {
    expect(toIsoDate(undefined)).toBeNull();
    expect(toIsoDate(null)).toBeNull();
  });
});
