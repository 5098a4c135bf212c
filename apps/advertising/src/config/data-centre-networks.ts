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
 * Reads `ADVERTISING_DATA_CENTRE_NETWORKS`: CIDRs (IPv4 or IPv6) and the word `builtin`,
 * comma-separated; `none` (or nothing) for none. Null when an entry is neither.
 */
export function parseDataCentreNetworks(text: string): BlockList | null {
  const networks = new BlockList();
  if (text.trim() === NONE) return networks;
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
    networks.addSubnet(match[1], prefix, family === 4 ? 'ipv4' : 'ipv6');
  }
  return networks;
}

/** Whether `address` (as a socket or X-Forwarded-For gives it) lies in one of the networks. */
export function inNetworks(networks: BlockList, address: string): boolean {
  const plain = address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
  const family = isIP(plain);
  return family !== 0 && networks.check(plain, family === 4 ? 'ipv4' : 'ipv6');
}
