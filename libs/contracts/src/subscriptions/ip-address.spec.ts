import { cidrContains, parseCidrRange, parseIpAddress } from './ip-address';

const range = (text: string) => {
  const parsed = parseCidrRange(text);
  if (!parsed) throw new Error(`not a range: ${text}`);
  return parsed;
};
const address = (text: string) => {
  const parsed = parseIpAddress(text);
  if (!parsed) throw new Error(`not an address: ${text}`);
  return parsed;
};

describe('IP addresses', () => {
  it.each([
    '0.0.0.0',
    '203.0.113.7',
    '255.255.255.255',
    '::',
    '::1',
    '2001:db8::1',
    '2001:0db8:0000:0000:0000:ff00:0042:8329',
    'fe80::',
    '1:2:3:4:5:6:7::',
    '::ffff:203.0.113.7',
    '64:ff9b::192.0.2.33',
  ])('accepts %s', (text) => expect(parseIpAddress(text)).not.toBeNull());

  it.each([
    '',
    '203.0.113',
    '203.0.113.7.1',
    '256.0.0.1',
    '01.2.3.4',
    '1.2.3.04',
    ' 203.0.113.7',
    '203.0.113.7 ',
    '1.2.3.4/32',
    'a.b.c.d',
    '2001:db8::1::1',
    '2001:db8:::1',
    ':1:2:3:4:5:6:7',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7',
    '12345::',
    'fe80::1%eth0',
    'g::1',
    '::203.0.113.7.1',
    '1.2.3.4::',
    '1:2:3:4:5:6:7:8::',
  ])('refuses %j', (text) => expect(parseIpAddress(text)).toBeNull());

  it('reads an IPv4-mapped IPv6 address as the IPv4 address it maps', () => {
    expect(parseIpAddress('::ffff:203.0.113.7')).toEqual(parseIpAddress('203.0.113.7'));
    expect(parseIpAddress('::ffff:cb00:7107')).toEqual(parseIpAddress('203.0.113.7'));
  });

  it('reads the same IPv6 address however it is compressed', () => {
    expect(parseIpAddress('2001:db8::1')).toEqual(parseIpAddress('2001:0DB8:0:0:0:0:0:0001'));
  });
});

describe('CIDR ranges', () => {
  it.each([
    '203.0.113.0/24',
    '10.0.0.0/8',
    '0.0.0.0/0',
    '203.0.113.7/32',
    '2001:db8::/32',
    '::/0',
    '2001:db8::1/128',
    'fe80::/10',
  ])('accepts %s', (text) => expect(parseCidrRange(text)).not.toBeNull());

  it.each([
    '203.0.113.7',
    '203.0.113.0/33',
    '203.0.113.0/024',
    '203.0.113.0/',
    '/24',
    '203.0.113.0/-1',
    '203.0.113.0/24/1',
    '2001:db8::/129',
    '203.0.113.0 /24',
    'hust.edu.vn/24',
    '203.0.113.0/2a',
  ])('refuses %j', (text) => expect(parseCidrRange(text)).toBeNull());

  it('refuses a range with host bits set, as PostgreSQL does', () => {
    expect(parseCidrRange('203.0.113.7/24')).toBeNull();
    expect(parseCidrRange('10.1.0.0/8')).toBeNull();
    expect(parseCidrRange('2001:db8::1/64')).toBeNull();
  });

  it('contains exactly the addresses of its network', () => {
    const campus = range('203.0.113.0/24');
    expect(cidrContains(campus, address('203.0.113.0'))).toBe(true);
    expect(cidrContains(campus, address('203.0.113.7'))).toBe(true);
    expect(cidrContains(campus, address('203.0.113.255'))).toBe(true);
    expect(cidrContains(campus, address('203.0.114.0'))).toBe(false);
    expect(cidrContains(campus, address('203.0.112.255'))).toBe(false);
  });

  it('handles prefixes off byte boundaries', () => {
    const r = range('198.51.100.64/27');
    expect(cidrContains(r, address('198.51.100.64'))).toBe(true);
    expect(cidrContains(r, address('198.51.100.95'))).toBe(true);
    expect(cidrContains(r, address('198.51.100.96'))).toBe(false);
    expect(cidrContains(r, address('198.51.100.63'))).toBe(false);
  });

  it('matches IPv6 networks, and never across families', () => {
    const r = range('2001:db8:abcd::/48');
    expect(cidrContains(r, address('2001:db8:abcd:12::1'))).toBe(true);
    expect(cidrContains(r, address('2001:db8:abce::1'))).toBe(false);
    expect(cidrContains(range('::/0'), address('203.0.113.7'))).toBe(false);
    expect(cidrContains(range('0.0.0.0/0'), address('2001:db8::1'))).toBe(false);
  });

  it('matches an IPv4-mapped address against IPv4 ranges', () => {
    expect(cidrContains(range('203.0.113.0/24'), address('::ffff:203.0.113.7'))).toBe(true);
  });

  it('treats /0 as everything of its family and /32, /128 as one address', () => {
    expect(cidrContains(range('0.0.0.0/0'), address('255.255.255.255'))).toBe(true);
    expect(cidrContains(range('203.0.113.7/32'), address('203.0.113.7'))).toBe(true);
    expect(cidrContains(range('203.0.113.7/32'), address('203.0.113.8'))).toBe(false);
    expect(cidrContains(range('2001:db8::1/128'), address('2001:db8::1'))).toBe(true);
    expect(cidrContains(range('2001:db8::1/128'), address('2001:db8::2'))).toBe(false);
  });
});
