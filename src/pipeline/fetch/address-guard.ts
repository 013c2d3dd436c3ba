/**
 * SSRF guard: the fetcher only talks to public unicast addresses, unless the operator allow-lists a
 * host name or an address range (e.g. a loopback test server, or an intranet publisher).
 * Checked twice: on literal IPs in each URL (redirect hops included), and on every DNS answer
 * (the Agent's connect `lookup`), so a public name that resolves to 10.0.0.1 is refused as well.
 */
import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { HappeningsError } from '../../errors.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

export interface AllowList {
  hosts: Set<string>;
  ranges: [Address, number][];
}

/** Parses allow-list entries: host names ('localhost'), addresses ('::1') and CIDRs ('127.0.0.1/8'). */
export function parseAllowList(entries: string[]): AllowList {
  const list: AllowList = { hosts: new Set(), ranges: [] };
  for (const raw of entries) {
    const entry = raw
      .trim()
      .toLowerCase()
      .replace(/^\[|\]$/g, '');
    if (!entry) continue;
    if (entry.includes('/') && isCidr(entry)) list.ranges.push(normalizeRange(ipaddr.parseCIDR(entry)));
    else if (ipaddr.isValid(entry)) {
      const address = ipaddr.process(entry);
      list.ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else list.hosts.add(entry);
  }
  return list;
}

function isCidr(entry: string): boolean {
  try {
    ipaddr.parseCIDR(entry);
    return true;
  } catch {
    return false;
  }
}

/** '::ffff:127.0.0.1/104' is stored as the IPv4 range it means, so one match test serves both. */
function normalizeRange([address, bits]: [Address, number]): [Address, number] {
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
    return [(address as ipaddr.IPv6).toIPv4Address(), bits - 96];
  }
  return [address, bits];
}

/** True when the address is public unicast, or inside an allow-listed range. */
export function isAllowedAddress(literal: string, allow: AllowList): boolean {
  if (!ipaddr.isValid(literal)) return false;
  const address = ipaddr.process(literal); // IPv4-mapped IPv6 becomes the IPv4 it carries
  if (allow.ranges.some(([range, bits]) => range.kind() === address.kind() && address.match(range, bits))) return true;
  return isPublic(address);
}

/**
 * Only 'unicast' passes: private, loopback, linkLocal, uniqueLocal, carrierGradeNat, multicast,
 * unspecified, broadcast, reserved (documentation, benchmarking, 240/4, …) are all refused.
 * NAT64 (64:ff9b::/96, RFC 6052) is judged by the IPv4 address it embeds, because IPv6-only
 * networks reach every IPv4 publisher that way. IPv4-compatible IPv6 (::/96 but :: and ::1,
 * deprecated by RFC 4291) is refused outright: ipaddr.js calls `::127.0.0.1` unicast (issue 15).
 */
function isPublic(address: Address): boolean {
  if (isIpv4Compatible(address)) return false;
  const range = address.range();
  if (range === 'rfc6052' && address.kind() === 'ipv6') {
    const bytes = (address as ipaddr.IPv6).toByteArray().slice(12);
    return isPublic(new ipaddr.IPv4(bytes));
  }
  return range === 'unicast';
}

function isIpv4Compatible(address: Address): boolean {
  if (address.kind() !== 'ipv6') return false;
  const parts = (address as ipaddr.IPv6).parts;
  return parts.slice(0, 6).every((p) => p === 0) && (parts[6] !== 0 || parts[7]! > 1);
}

/** The URL's host without IPv6 brackets, lower-cased. */
export function hostOf(url: URL): string {
  return url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
}

/** Refuses non-http(s) schemes, and literal IP hosts that are not allowed. */
export function assertUrlAllowed(url: URL, allow: AllowList): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new HappeningsError('fetch', 'bad-input', `only http and https can be fetched (${url.href})`);
  }
  const host = hostOf(url);
  if (allow.hosts.has(host) || !ipaddr.isValid(host)) return;
  if (!isAllowedAddress(host, allow)) {
    throw new HappeningsError('fetch', 'blocked-address', `address not allowed: ${host} (${url.href})`);
  }
}

/**
 * A `lookup` for net/tls connect that drops blocked addresses from DNS answers and fails with
 * 'blocked-address' when none is left. Answers in both shapes net asks for (`all` or one address).
 */
export function guardedLookup(allow: AllowList): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', undefined);
      const trusted = allow.hosts.has(hostname.toLowerCase());
      const usable = trusted ? addresses : addresses.filter((a) => isAllowedAddress(a.address, allow));
      const first = usable[0];
      if (!first) {
        const found = addresses.map((a) => a.address).join(', ');
        const blocked = new HappeningsError(
          'fetch',
          'blocked-address',
          `address not allowed: ${hostname} resolves to ${found}`,
        );
        return callback(blocked as NodeJS.ErrnoException, '', undefined);
      }
      if (options.all) callback(null, usable);
      else callback(null, first.address, first.family);
    });
  };
}
