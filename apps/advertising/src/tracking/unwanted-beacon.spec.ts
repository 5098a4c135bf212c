import { isbot } from 'isbot';
import { parseDataCentreNetworks } from '../config/data-centre-networks';
import { unwantedReasonOf, UnwantedReason } from './unwanted-beacon';

const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const READER = '113.161.10.20';
const networks = parseDataCentreNetworks('builtin, 2001:db8:dc::/48')!;
const judges = { isBot: isbot, inDataCentre: (address: string) => networks.contains(address) };

describe('unwantedReasonOf', () => {
  it.each<[string, Record<string, string>, string, UnwantedReason | null]>([
    ['a reader on Chrome', { 'user-agent': CHROME }, READER, null],
    ['a reader on an iPhone, over IPv6', { 'user-agent': IPHONE }, '2402:800:1::1', null],
    ['a reader behind a dual-stack socket', { 'user-agent': CHROME }, `::ffff:${READER}`, null],
    ['no user agent', {}, READER, 'no-user-agent'],
    ['an empty user agent', { 'user-agent': '' }, READER, 'no-user-agent'],
    [
      'Googlebot',
      { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' },
      READER,
      'bot',
    ],
    [
      'headless Chrome',
      {
        'user-agent':
          'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36',
      },
      READER,
      'bot',
    ],
    [
      'a link preview fetcher',
      { 'user-agent': 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)' },
      READER,
      'bot',
    ],
    ['curl', { 'user-agent': 'curl/8.5.0' }, READER, 'bot'],
    ['a Chrome prefetch', { 'user-agent': CHROME, 'sec-purpose': 'prefetch' }, READER, 'prefetch'],
    ['a Chrome prerender', { 'user-agent': CHROME, 'sec-purpose': 'prefetch;prerender' }, READER, 'prefetch'],
    ['an older prefetch', { 'user-agent': CHROME, purpose: 'Prefetch' }, READER, 'prefetch'],
    ['a Firefox prefetch', { 'user-agent': CHROME, 'x-moz': 'prefetch' }, READER, 'prefetch'],
    ['a Safari preview', { 'user-agent': IPHONE, 'x-purpose': 'preview' }, READER, 'preview'],
    ['a browser in an AWS data centre', { 'user-agent': CHROME }, '34.200.1.2', 'data-centre'],
    ['a browser at DigitalOcean', { 'user-agent': CHROME }, '::ffff:159.65.3.4', 'data-centre'],
    ['a browser in a configured IPv6 network', { 'user-agent': CHROME }, '2001:db8:dc::7', 'data-centre'],
    ['a bot in a data centre (the bot is named first)', { 'user-agent': 'curl/8.5.0' }, '34.200.1.2', 'bot'],
  ])('%s: %s', (_case, headers, address, reason) => {
    expect(unwantedReasonOf(headers, address, judges)).toBe(reason);
  });
});

describe('parseDataCentreNetworks', () => {
  it.each<[string, boolean]>([
    ['', true],
    ['none', true],
    ['builtin', true],
    ['builtin, 203.0.113.0/24, 2001:db8::/32', true],
    ['203.0.113.0', false],
    ['203.0.113.0/33', false],
    ['cloud', false],
    ['2001:db8::/129', false],
  ])('%j is %s', (text, valid) => {
    expect(parseDataCentreNetworks(text) !== null).toBe(valid);
  });

  it.each<[string, boolean]>([
    ['34.192.0.0', true],
    ['34.255.255.255', true],
    ['34.191.255.255', false],
    ['35.0.0.0', false],
    ['::ffff:5.9.10.11', true],
    ['2001:db8:dc:ffff::1', true],
    ['2001:db8:dd::1', false],
    ['1.2.3', false],
    ['1.2.3.4.5', false],
    ['256.1.1.1', false],
    ['', false],
  ])('places %s in a data centre: %s', (address, inside) => {
    expect(networks.contains(address)).toBe(inside);
  });

  it('counts no address as a data centre when the list is empty', () => {
    expect(parseDataCentreNetworks('')!.contains('34.200.1.2')).toBe(false);
  });
});
