import { BlockList, isIP } from 'node:net';

/**
 * Which hops in front of a server may say who the client is (`TRUSTED_PROXIES`): none (the
 * socket's peer is the client), the nearest `hops` (the peer and the addresses it appended), or
 * the peers whose address lies in one of `cidrs`.
 */
export type TrustedProxies = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'cidrs'; cidrs: BlockList };

/** Whether hop `index` (0 = the socket's peer, 1 = the last X-Forwarded-For address, …) at `address` is a trusted proxy. */
export type TrustsHop = (address: string, index: number) => boolean;

const CIDR = /^([^/\s]+)(?:\/(\d{1,3}))?$/;

/**
 * Reads `TRUSTED_PROXIES`: empty for none, a whole number of hops (`1`: one ingress in front),
 * or comma-separated addresses or CIDRs (`10.0.0.0/8, 2001:db8::/32`). Null when it is neither.
 */
export function parseTrustedProxies(text: string): TrustedProxies | null {
  const value = text.trim();
  if (value === '') return { kind: 'none' };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops === 0 ? { kind: 'none' } : hops <= 100 ? { kind: 'hops', hops } : null;
  }
  const cidrs = new BlockList();
  for (const part of value.split(',')) {
    const match = CIDR.exec(part.trim());
    const family = match ? isIP(match[1]) : 0;
    if (!match || family === 0) return null;
    const type = family === 4 ? 'ipv4' : 'ipv6';
    const prefix = match[2] === undefined ? (family === 4 ? 32 : 128) : Number(match[2]);
    if (prefix > (family === 4 ? 32 : 128)) return null;
    cidrs.addSubnet(match[1], prefix, type);
  }
  return { kind: 'cidrs', cidrs };
}

/** The rule as a predicate over hops, in the shape Fastify's `trustProxy` takes. */
export function trustsHop(trusted: TrustedProxies): TrustsHop {
  switch (trusted.kind) {
    case 'none':
      return () => false;
    case 'hops':
      return (_address, index) => index < trusted.hops;
    case 'cidrs':
      return (address) => {
        const plain = withoutIpv4Prefix(address);
        const family = isIP(plain);
        return family !== 0 && trusted.cidrs.check(plain, family === 4 ? 'ipv4' : 'ipv6');
      };
  }
}

/**
 * The client's address: starting from the socket's peer, walk back through X-Forwarded-For
 * (appended to by each proxy, so read right to left) while the hop is trusted; the first
 * untrusted hop is the client. What a client writes into the header itself lies beyond the
 * first untrusted hop and is never read. Fastify's `request.ip` with `trustProxy: trustsHop(…)`
 * answers the same.
 */
export function clientAddressOf(peer: string, forwardedFor: string | string[] | undefined, trusts: TrustsHop): string {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const hops = header === '' ? [] : header.split(',').map((address) => address.trim());
  let client = peer;
  for (let index = 0; trusts(client, index); index++) {
    const next = hops.pop();
    if (next === undefined || next === '') break;
    client = next;
  }
  return client;
}

/** `::ffff:10.1.2.3`, an IPv4 peer on a dual-stack socket, compared as `10.1.2.3`. */
function withoutIpv4Prefix(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}
