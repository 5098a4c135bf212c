import type { EntitlementGrant } from '@libs/contracts';
import { ReaderStatuses } from './reader-statuses';

const AGENCY = '11111111-1111-4111-8111-111111111111';
const NOW = Date.parse('2027-03-01T10:00:00Z');
const DAY = 86_400_000;
const grant = (key: string, until: number, source: EntitlementGrant['source'] = 'subscription'): EntitlementGrant => ({
  key,
  until: new Date(until).toISOString(),
  source,
  sourceId: 'x',
  reason: 'active',
});

describe('reader statuses', () => {
  it.each<[string, EntitlementGrant[], number, string]>([
    ['ad-free while the grant lasts', [grant('ad-free', NOW + DAY), grant('premium', NOW + DAY)], NOW, 'ad-free'],
    [
      'a subscriber once ad-free ended, while another grant lasts',
      [grant('ad-free', NOW), grant('premium', NOW + DAY)],
      NOW,
      'subscriber',
    ],
    [
      'ad-free by a group licence, yet no subscriber',
      [grant('ad-free', NOW + DAY, 'group')],
      NOW + DAY,
      'non-subscriber',
    ],
    ['ad-free by a group licence', [grant('ad-free', NOW + DAY, 'group')], NOW, 'ad-free'],
    ['a subscriber by a gift', [grant('premium', NOW + DAY, 'gift')], NOW, 'subscriber'],
    ['no subscriber by a group licence alone', [grant('premium', NOW + DAY, 'group')], NOW, 'non-subscriber'],
    ['no one once every grant ended', [grant('ad-free', NOW + DAY)], NOW + DAY, 'non-subscriber'],
  ])('counts a reader %s', (_case, grants, at, expected) => {
    const statuses = new ReaderStatuses();
    statuses.apply(AGENCY, 'reader:an', 1, grants);
    expect(statuses.statusOf(AGENCY, 'reader:an', at)).toBe(expected);
  });

  it('keeps the newest version, and knows readers of one agency only', () => {
    const statuses = new ReaderStatuses();
    statuses.apply(AGENCY, 'reader:an', 2, []);
    statuses.apply(AGENCY, 'reader:an', 1, [grant('ad-free', NOW + DAY)]);
    expect(statuses.statusOf(AGENCY, 'reader:an', NOW)).toBe('non-subscriber');
    statuses.apply(AGENCY, 'reader:an', 3, [grant('ad-free', NOW + DAY)]);
    expect(statuses.statusOf(AGENCY, 'reader:an', NOW)).toBe('ad-free');
    expect(statuses.statusOf('22222222-2222-4222-8222-222222222222', 'reader:an', NOW)).toBe('non-subscriber');
    expect(statuses.statusOf(AGENCY, null, NOW)).toBe('non-subscriber');
  });
});
