import { describe, it, expect } from 'vitest';
import type { LookupAddress } from 'node:dns';
import { HappeningsError } from '../../errors.js';
import { assertUrlAllowed, guardedLookup, isAllowedAddress, parseAllowList } from './address-guard.js';

const none = parseAllowList([]);

describe('isAllowedAddress', () => {
  const blocked = [
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1', // private
    '127.0.0.1',
    '::1', // loopback
    '169.254.169.254',
    'fe80::1', // link-local (cloud metadata lives here)
    'fc00::1',
    'fd12:3456::1', // unique-local
    '100.64.0.1', // CGNAT
    '224.0.0.1',
    'ff02::1', // multicast
    '0.0.0.0',
    '::', // unspecified
    '255.255.255.255',
    '192.0.2.1',
    '2001:db8::1', // broadcast, documentation
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '::ffff:7f00:1', // IPv4-mapped IPv6
    '64:ff9b::a00:1', // NAT64 of 10.0.0.1
  ];
  it.each(blocked)('refuses %s', (address) => {
    expect(isAllowedAddress(address, none)).toBe(false);
  });

  it.each(['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c', '::ffff:93.184.215.14', '64:ff9b::5db8:d70e'])(
    'allows public %s',
    (address) => {
      expect(isAllowedAddress(address, none)).toBe(true);
    },
  );

  it('lets allow-listed ranges and addresses through, and nothing more', () => {
    const allow = parseAllowList(['127.0.0.1/8', '::1', '[fd00::]/8']);
    expect(isAllowedAddress('127.9.9.9', allow)).toBe(true);
    expect(isAllowedAddress('::ffff:127.0.0.1', allow)).toBe(true);
    expect(isAllowedAddress('::1', allow)).toBe(true);
    expect(isAllowedAddress('10.0.0.1', allow)).toBe(false);
    expect(isAllowedAddress('not-an-ip', allow)).toBe(false);
  });
});

describe('assertUrlAllowed', () => {
  const codeOf = (url: string, allow = none) => {
    try {
      assertUrlAllowed(new URL(url), allow);
      return 'ok';
    } catch (error) {
      return error instanceof HappeningsError ? error.code : 'other';
    }
  };

  it('refuses literal private addresses in any spelling', () => {
    expect(codeOf('http://127.0.0.1/')).toBe('blocked-address');
    expect(codeOf('http://2130706433/')).toBe('blocked-address'); // 127.0.0.1 as one number
    expect(codeOf('http://0x7f.1/')).toBe('blocked-address');
    expect(codeOf('http://[::1]:8080/')).toBe('blocked-address');
    expect(codeOf('http://[::ffff:169.254.169.254]/')).toBe('blocked-address');
  });

  it('passes names (DNS is checked at connect time) and public literals', () => {
    expect(codeOf('https://example.com/')).toBe('ok');
    expect(codeOf('http://93.184.215.14/')).toBe('ok');
    expect(codeOf('http://127.0.0.1:3000/', parseAllowList(['127.0.0.1/8']))).toBe('ok');
  });

  it('refuses schemes other than http and https', () => {
    expect(codeOf('file:///etc/passwd')).toBe('bad-input');
    expect(codeOf('ftp://example.com/')).toBe('bad-input');
    expect(codeOf('javascript:alert(1)')).toBe('bad-input');
  });
});

describe('guardedLookup', () => {
  const lookup = (host: string, allow = none, all = true) =>
    new Promise<{ error: NodeJS.ErrnoException | null; result: string | LookupAddress[] }>((resolve) => {
      guardedLookup(allow)(host, { all }, (error, result) => resolve({ error, result }));
    });

  it('refuses a name that resolves only to loopback', async () => {
    const { error } = await lookup('localhost');
    expect(error).toBeInstanceOf(HappeningsError);
    expect((error as unknown as HappeningsError).code).toBe('blocked-address');
  });

  it('answers allow-listed names in both shapes net asks for', async () => {
    const all = await lookup('localhost', parseAllowList(['localhost']));
    expect(all.error).toBeNull();
    expect(Array.isArray(all.result) && all.result.length).toBeGreaterThan(0);
    const one = await lookup('localhost', parseAllowList(['127.0.0.1/8', '::1']), false);
    expect(one.error).toBeNull();
    expect(['127.0.0.1', '::1']).toContain(one.result);
  });
});
