import { InvalidConfigError, loadEnv } from '@libs/common';
import { AdvertisingEnv } from './advertising.config';

/** The variables of one service's start, with the tracking ones given. */
function problemsWith(tracking: Record<string, string>): string[] {
  try {
    loadEnv(AdvertisingEnv, {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x',
      CALLER_KEYS: 'gateway:AAAA',
      ADVERTISING_TOKEN_KEYS: 'k1:' + Buffer.alloc(32).toString('base64'),
      PAYWALL_TOKEN_KEYS: 'k1:' + Buffer.alloc(32).toString('base64'),
      ...tracking,
    });
    return [];
  } catch (error) {
    if (!(error instanceof InvalidConfigError)) throw error;
    return error.problems.map((problem) => problem.split(':')[0]);
  }
}

describe('advertising configuration of tracking', () => {
  it.each<[string, Record<string, string>, string[]]>([
    ['the defaults (90 days, the built-in data centres)', {}, []],
    [
      'a longer retention and networks of its own',
      { ADVERTISING_EVENT_RETENTION_DAYS: '400', ADVERTISING_DATA_CENTRE_NETWORKS: 'builtin, 2001:db8::/32' },
      [],
    ],
    ['no data-centre networks', { ADVERTISING_DATA_CENTRE_NETWORKS: 'none' }, []],
    ['raw events kept under 90 days', { ADVERTISING_EVENT_RETENTION_DAYS: '89' }, ['ADVERTISING_EVENT_RETENTION_DAYS']],
    ['a network that is no CIDR', { ADVERTISING_DATA_CENTRE_NETWORKS: 'aws' }, ['ADVERTISING_DATA_CENTRE_NETWORKS']],
  ])('accepts or refuses %s', (_case, tracking, refused) => {
    expect(problemsWith(tracking)).toEqual(refused);
  });
});
