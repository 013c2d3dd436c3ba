/**
 * Who is asking, for per-client limits: the socket's peer address, or, when that peer is a
 * configured trusted proxy, the nearest address in X-Forwarded-For that is not one of them.
 * A forwarded header from anyone else is ignored (it is whatever the client wrote).
 * IPv6 clients are keyed by their /64: one host usually owns a whole /64.
 */
import type { Context } from 'hono';
import ipaddr from 'ipaddr.js';

export type TrustedProxies = (address: string) => boolean;

/** A matcher over addresses and CIDRs ("10.0.0.0/8", "::1"); bad entries are refused at start. */
export function trustedProxies(entries: readonly string[]): TrustedProxies {
  const ranges = entries.map((entry) => {
    const cidr = entry.includes('/') ? entry : `${entry}/${ipaddr.parse(entry).kind() === 'ipv4' ? 32 : 128}`;
    return ipaddr.parseCIDR(cidr);
  });
  return (address) => {
    const parsed = parseAddress(address);
    return !!parsed && ranges.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits));
  };
}

export function clientAddress(c: Context, trusted: TrustedProxies = () => false): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return clientFrom(env?.incoming?.socket?.remoteAddress, c.req.header('x-forwarded-for'), trusted);
}

/** The client of a request from its socket's peer and its X-Forwarded-For header (node:http's view). */
export function clientFrom(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedProxies = () => false,
): string {
  let address = peer ?? 'unknown';
  if (trusted(address)) {
    const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
    const hops = header.split(',').map((s) => s.trim());
    for (let i = hops.length - 1; i >= 0; i--) {
      if (!parseAddress(hops[i]!)) break;
      address = hops[i]!;
      if (!trusted(address)) break;
    }
  }
  return clientKey(address);
}

function parseAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (!ipaddr.isValid(text)) return null;
  const parsed = ipaddr.parse(text);
  return parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()
    ? (parsed as ipaddr.IPv6).toIPv4Address()
    : parsed;
}

function clientKey(address: string): string {
  const parsed = parseAddress(address);
  if (!parsed) return address;
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4);
  return `${parts.map((p) => p.toString(16)).join(':')}::/64`;
}
