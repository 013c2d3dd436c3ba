/**
 * SSRF address forms: every spelling of a loopback, private, link-local, metadata or otherwise
 * non-public address the attack run tried must be refused by the address guard, and the public
 * control addresses allowed. Issue 15 found one hole: http://[::127.0.0.1] (IPv4-compatible IPv6).
 */
import { describe, expect, it } from 'vitest';
import { HappeningsError } from '../errors.js';
import { assertUrlAllowed, isAllowedAddress, parseAllowList } from '../pipeline/fetch/address-guard.js';

const none = parseAllowList([]);

/** IPv4 targets, each spelled in the ways a URL parser accepts. */
const TARGETS = [
  '127.0.0.1',
  '127.1.2.3',
  '10.0.0.1',
  '172.16.5.4',
  '192.168.1.1',
  '169.254.169.254',
  '100.64.0.1',
  '0.0.0.0',
  '224.0.0.1',
  '255.255.255.255',
  '192.0.2.1',
  '198.18.0.1',
  '240.0.0.1',
];

function spellings(v4: string): string[] {
  const [a, b, c, d] = v4.split('.').map(Number) as [number, number, number, number];
  const n = ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;
  const hex = (x: number) => x.toString(16);
  const h6 = `${hex((a << 8) + b)}:${hex((c << 8) + d)}`;
  return [
    v4,
    String(n),
    `0x${n.toString(16)}`,
    `0${a.toString(8)}.${b}.${c}.${d}`,
    `${a}.${(b << 16) + (c << 8) + d}`,
    `[::ffff:${v4}]`,
    `[::ffff:${h6}]`,
    `[::${v4}]`,
    `[::${h6}]`,
    `[64:ff9b::${v4}]`,
    `[2002:${h6}::1]`,
    `[0:0:0:0:0:ffff:${v4}]`,
  ];
}

const IPV6 = [
  '[::1]',
  '[::]',
  '[fe80::1]',
  '[fc00::1]',
  '[fd12:3456::1]',
  '[ff02::1]',
  '[2001:db8::1]',
  '[::ffff:0:0]',
  '[2001::1]',
  '[0:0:0:0:0:0:0:1]',
];

const refused = (host: string) => {
  try {
    assertUrlAllowed(new URL(`http://${host}/`), none);
    return false;
  } catch (error) {
    return error instanceof HappeningsError;
  }
};

describe('attack: SSRF address forms', () => {
  const forms = [...TARGETS.flatMap(spellings), ...IPV6];
  it(`refuses ${forms.length} spellings of non-public addresses`, () => {
    expect(forms.length).toBeGreaterThan(100);
    expect(forms.filter((f) => !refused(f))).toEqual([]);
  });

  it('refuses IPv4-compatible IPv6 (::a.b.c.d) in DNS answers too, and still allows public addresses', () => {
    expect(isAllowedAddress('::127.0.0.1', none)).toBe(false);
    expect(isAllowedAddress('::7f00:1', none)).toBe(false);
    expect(refused('93.184.216.34')).toBe(false);
    expect(refused('[2606:2800:220:1:248:1893:25c8:1946]')).toBe(false);
    expect(refused('[64:ff9b::93.184.216.34]')).toBe(false);
  });
});
