import { BlockList, isIP } from 'node:net';

/**
 * A conservative built-in set of data-centre networks: large blocks of hosting and cloud
 * providers (Amazon Web Services, Google Cloud, DigitalOcean, Hetzner, OVH) that readers'
 * browsers do not browse from. Source: the public ipcat data-centre list (client9/ipcat,
 * `datacenters.csv`, IPv4 ranges by provider); only blocks that list gives wholly to one of these
 * providers are taken, rounded inwards to CIDRs. It is a seed, not a complete list: a deployment
 * adds the providers' own current ranges (AWS `ip-ranges.json`, Google Cloud `cloud.json`, …)
 * with `ADVERTISING_DATA_CENTRE_NETWORKS`, refreshed as they publish them.
 */
export const BUILT_IN_DATA_CENTRE_NETWORKS: readonly string[] = [
  // Amazon Web Services (EC2)
  '3.208.0.0/12',
  '3.224.0.0/12',
  '18.200.0.0/13',
  '34.192.0.0/10',
  '52.0.0.0/11',
  '54.64.0.0/11',
  '54.144.0.0/12',
  // Google Cloud
  '35.184.0.0/14',
  '35.192.0.0/14',
  '35.204.0.0/14',
  '35.208.0.0/13',
  '104.154.0.0/15',
  '104.196.0.0/14',
  // DigitalOcean
  '45.55.0.0/16',
  '46.101.0.0/17',
  '104.131.0.0/16',
  '107.170.0.0/16',
  '128.199.0.0/16',
  '138.197.0.0/16',
  '159.65.0.0/16',
  '159.203.0.0/16',
  '162.243.0.0/16',
  '165.227.0.0/16',
  '167.99.0.0/16',
  '188.166.0.0/17',
  '192.241.128.0/17',
  '198.199.64.0/18',
  '206.189.0.0/16',
  // Hetzner
  '5.9.0.0/16',
  '46.4.0.0/16',
  '78.46.0.0/15',
  '88.198.0.0/16',
  '148.251.0.0/16',
  '176.9.0.0/16',
  '178.63.0.0/16',
  '188.40.0.0/16',
  '195.201.0.0/16',
  '213.239.192.0/18',
  // OVH
  '5.135.0.0/16',
  '37.59.0.0/16',
  '37.187.0.0/16',
  '46.105.0.0/16',
  '51.254.0.0/15',
  '91.121.0.0/16',
  '94.23.0.0/16',
  '137.74.0.0/16',
  '144.217.0.0/16',
  '149.202.0.0/16',
  '158.69.0.0/16',
  '176.31.0.0/16',
  '178.32.0.0/15',
  '188.165.0.0/16',
  '192.99.0.0/16',
  '198.27.64.0/18',
  '198.50.128.0/17',
];

/** Stands for the built-in set in `ADVERTISING_DATA_CENTRE_NETWORKS`. */
export const BUILT_IN = 'builtin';
/** `ADVERTISING_DATA_CENTRE_NETWORKS` when no network is a data centre's. */
const NONE = 'none';

const CIDR = /^([^/\s]+)\/(\d{1,3})$/;

/**
 * Networks to match client addresses against: IPv4 as sorted ranges searched by halves (every
 * beacon asks, and node's BlockList builds an address object per question), IPv6 by a BlockList.
 */
export class DataCentreNetworks {
  private readonly v6 = new BlockList();
  private starts = new Float64Array(0);
  private ends = new Float64Array(0);
  private v6Count = 0;

  constructor(cidrs: readonly { address: string; prefix: number; family: 4 | 6 }[]) {
    const ranges: [number, number][] = [];
    for (const { address, prefix, family } of cidrs) {
      if (family === 6) {
        this.v6.addSubnet(address, prefix, 'ipv6');
        this.v6Count++;
        continue;
      }
      const size = 2 ** (32 - prefix);
      const start = Math.floor(ipv4ToNumber(address)! / size) * size;
      ranges.push([start, start + size - 1]);
    }
    ranges.sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const range of ranges) {
      const last = merged[merged.length - 1];
      if (last && range[0] <= last[1] + 1) last[1] = Math.max(last[1], range[1]);
      else merged.push([...range]);
    }
    this.starts = Float64Array.from(merged, (range) => range[0]);
    this.ends = Float64Array.from(merged, (range) => range[1]);
  }

  /** Whether `address` (as a socket or X-Forwarded-For gives it, `::ffff:` IPv4 too) lies in one of the networks. */
  contains(address: string): boolean {
    const v4 = ipv4ToNumber(address.startsWith('::ffff:') ? address.slice(7) : address);
    if (v4 !== null) {
      let low = 0;
      let high = this.starts.length - 1;
      while (low <= high) {
        const middle = (low + high) >> 1;
        if (v4 < this.starts[middle]) high = middle - 1;
        else if (v4 > this.ends[middle]) low = middle + 1;
        else return true;
      }
      return false;
    }
    return this.v6Count > 0 && isIP(address) === 6 && this.v6.check(address, 'ipv6');
  }
}

/**
 * Reads `ADVERTISING_DATA_CENTRE_NETWORKS`: CIDRs (IPv4 or IPv6) and the word `builtin`,
 * comma-separated; `none` (or nothing) for none. Null when an entry is neither.
 */
export function parseDataCentreNetworks(text: string): DataCentreNetworks | null {
  if (text.trim() === NONE) return new DataCentreNetworks([]);
  const cidrs: { address: string; prefix: number; family: 4 | 6 }[] = [];
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .flatMap((entry) => (entry === BUILT_IN ? BUILT_IN_DATA_CENTRE_NETWORKS : [entry]));
  for (const entry of entries) {
    const match = CIDR.exec(entry);
    const family = match ? isIP(match[1]) : 0;
    if (!match || family === 0) return null;
    const prefix = Number(match[2]);
    if (prefix > (family === 4 ? 32 : 128)) return null;
    cidrs.push({ address: match[1], prefix, family: family === 4 ? 4 : 6 });
  }
  return new DataCentreNetworks(cidrs);
}

/** A dotted IPv4 address as a number, or null for anything else. */
function ipv4ToNumber(address: string): number | null {
  let value = 0;
  let part = -1;
  let parts = 0;
  for (let i = 0; i <= address.length; i++) {
    const code = i < address.length ? address.charCodeAt(i) : 46;
    if (code === 46) {
      if (part < 0 || ++parts > 4) return null;
      value = value * 256 + part;
      part = -1;
    } else if (code >= 48 && code <= 57) {
      part = part < 0 ? code - 48 : part * 10 + code - 48;
      if (part > 255) return null;
    } else return null;
  }
  return parts === 4 ? value : null;
}
