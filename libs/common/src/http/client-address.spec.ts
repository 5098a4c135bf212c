import { clientAddressOf, parseTrustedProxies, trustsHop } from './client-address';

describe('clientAddressOf', () => {
  const cases: { trusted: string; peer: string; forwardedFor?: string | string[]; client: string }[] = [
    // nothing trusted (the default): the peer, whatever the header says
    { trusted: '', peer: '198.51.100.7', forwardedFor: '10.20.0.1', client: '198.51.100.7' },
    { trusted: '', peer: '198.51.100.7', client: '198.51.100.7' },
    { trusted: '0', peer: '198.51.100.7', forwardedFor: '10.20.0.1', client: '198.51.100.7' },
    // one hop: the address the ingress appended, not what the client wrote before it
    { trusted: '1', peer: '10.0.0.2', forwardedFor: '10.20.0.1, 203.0.113.9', client: '203.0.113.9' },
    { trusted: '1', peer: '10.0.0.2', forwardedFor: '203.0.113.9', client: '203.0.113.9' },
    { trusted: '1', peer: '10.0.0.2', client: '10.0.0.2' },
    { trusted: '2', peer: '10.0.0.2', forwardedFor: '10.20.0.1, 203.0.113.9, 10.0.0.3', client: '203.0.113.9' },
    { trusted: '5', peer: '10.0.0.2', forwardedFor: '203.0.113.9', client: '203.0.113.9' },
    // CIDRs: walk back while the hop is a known proxy
    { trusted: '10.0.0.0/8', peer: '10.0.0.2', forwardedFor: '10.20.0.1, 203.0.113.9', client: '203.0.113.9' },
    { trusted: '10.0.0.0/8', peer: '10.0.0.2', forwardedFor: '203.0.113.9, 10.1.1.1', client: '203.0.113.9' },
    { trusted: '10.0.0.0/8', peer: '198.51.100.7', forwardedFor: '10.20.0.1', client: '198.51.100.7' },
    { trusted: '10.0.0.0/8', peer: '::ffff:10.0.0.2', forwardedFor: '203.0.113.9', client: '203.0.113.9' },
    { trusted: '127.0.0.1, 2001:db8::/32', peer: '2001:db8::1', forwardedFor: '203.0.113.9', client: '203.0.113.9' },
    { trusted: '127.0.0.1', peer: '127.0.0.2', forwardedFor: '203.0.113.9', client: '127.0.0.2' },
    { trusted: '10.0.0.0/8', peer: '10.0.0.2', forwardedFor: ['10.20.0.1', '203.0.113.9'], client: '203.0.113.9' },
    // every hop trusted: the first address of the header
    { trusted: '10.0.0.0/8', peer: '10.0.0.2', forwardedFor: '10.0.0.9, 10.0.0.8', client: '10.0.0.9' },
  ];

  it.each(cases)('with TRUSTED_PROXIES=$trusted, peer $peer and X-Forwarded-For $forwardedFor: $client', (c) => {
    const trusted = parseTrustedProxies(c.trusted)!;
    expect(clientAddressOf(c.peer, c.forwardedFor, trustsHop(trusted))).toBe(c.client);
  });
});

describe('parseTrustedProxies', () => {
  it.each(['', ' ', '0', '1', '12', '10.0.0.0/8', '10.0.0.1', '10.0.0.0/8,192.168.0.0/16', 'fd00::/8, 127.0.0.1'])(
    'reads %j',
    (text) => expect(parseTrustedProxies(text)).not.toBeNull(),
  );

  it.each(['true', '*', '-1', '101', '10.0.0.0/33', 'fd00::/129', '10.0.0.0/8,', 'example.com', '10.0.0/8'])(
    'refuses %j',
    (text) => expect(parseTrustedProxies(text)).toBeNull(),
  );
});
