/** An IPv4 or IPv6 address as a number (IPv4-mapped IPv6 addresses count as IPv4). */
export interface IpAddress {
  version: 4 | 6;
  value: bigint;
}

/** A network in CIDR notation: the address with its host bits zero, and the prefix length. */
export interface CidrRange {
  version: 4 | 6;
  network: bigint;
  prefix: number;
}

const BITS = { 4: 32, 6: 128 } as const;
const OCTET = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const IPV4 = new RegExp(`^${OCTET}(\\.${OCTET}){3}$`);
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;
const PREFIX = /^(0|[1-9][0-9]{0,2})$/;

/**
 * Parses an address strictly: dotted quads without leading zeros, IPv6 per RFC 4291 (one `::`
 * at most, an IPv4 tail allowed), no zone ids, no whitespace. Answers null for anything else.
 */
export function parseIpAddress(text: string): IpAddress | null {
  const v4 = parseIpv4(text);
  if (v4 !== null) return { version: 4, value: v4 };
  const v6 = parseIpv6(text);
  if (v6 === null) return null;
  return v6 >> 32n === 0xffffn ? { version: 4, value: v6 & 0xffffffffn } : { version: 6, value: v6 };
}

/**
 * Parses `<address>/<prefix>` strictly: the prefix fits the address family and the address is
 * the network itself (no host bits set, as PostgreSQL's `cidr` also demands).
 */
export function parseCidrRange(text: string): CidrRange | null {
  const slash = text.indexOf('/');
  if (slash < 0 || !PREFIX.test(text.slice(slash + 1))) return null;
  const address = text.slice(0, slash);
  const prefix = Number(text.slice(slash + 1));
  const v4 = parseIpv4(address);
  const version = v4 !== null ? 4 : 6;
  const network = v4 ?? parseIpv6(address);
  if (network === null || prefix > BITS[version]) return null;
  const hostBits = BigInt(BITS[version] - prefix);
  if (network & ((1n << hostBits) - 1n)) return null;
  return { version, network, prefix };
}

export function cidrContains(range: CidrRange, address: IpAddress): boolean {
  if (range.version !== address.version) return false;
  const hostBits = BigInt(BITS[range.version] - range.prefix);
  return address.value >> hostBits === range.network >> hostBits;
}

function parseIpv4(text: string): bigint | null {
  if (!IPV4.test(text)) return null;
  return text.split('.').reduce((value, octet) => (value << 8n) | BigInt(octet), 0n);
}

function parseIpv6(text: string): bigint | null {
  if (text.includes('::') && text.indexOf('::') !== text.lastIndexOf('::')) return null;
  const [head, tail] = text.split('::') as [string, string | undefined];
  const words = (part: string, ipv4TailAllowed: boolean): number[] | null => {
    if (part === '') return [];
    const groups = part.split(':');
    const out: number[] = [];
    for (const [i, group] of groups.entries()) {
      if (ipv4TailAllowed && i === groups.length - 1 && group.includes('.')) {
        const v4 = parseIpv4(group);
        if (v4 === null) return null;
        out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      } else if (HEX_GROUP.test(group)) {
        out.push(parseInt(group, 16));
      } else {
        return null;
      }
    }
    return out;
  };
  let all: number[];
  if (tail === undefined) {
    const only = words(head, true);
    if (!only || only.length !== 8) return null;
    all = only;
  } else {
    const first = words(head, false);
    const last = words(tail, true);
    if (!first || !last || first.length + last.length > 7) return null;
    all = [...first, ...new Array<number>(8 - first.length - last.length).fill(0), ...last];
  }
  return all.reduce((value, word) => (value << 16n) | BigInt(word), 0n);
}
