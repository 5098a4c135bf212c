import { ForbiddenError } from '@libs/common';
import { advertiserScopeOf } from './advertisers.service';

const caller = (roles: string[], subjectId?: string) => ({
  tenantId: 't-1',
  actor: 'api-key:k-1',
  roles,
  requestId: 'r-1',
  ...(subjectId ? { subjectId } : {}),
});

describe('whose orders and invoices a caller sees', () => {
  it.each<[string, ReturnType<typeof caller>, string | null]>([
    ['an admin: every advertiser', caller(['admin']), null],
    ['ad ops: every advertiser', caller(['adops']), null],
    ['ad ops bound to an advertiser still: every advertiser', caller(['adops'], 'adv-1'), null],
    ['finance (invoices only, by their contracts): every advertiser', caller(['finance'], 'adv-1'), null],
    ["an advertiser's key: its own advertiser", caller(['advertiser'], 'adv-1'), 'adv-1'],
  ])('%s', (_who, who, scope) => {
    expect(advertiserScopeOf(who)).toBe(scope);
  });

  it.each([
    ['an advertiser key bound to no advertiser', caller(['advertiser'])],
    ['an editor key', caller(['editor'], 'adv-1')],
  ])('refuses %s', (_who, who) => {
    expect(() => advertiserScopeOf(who)).toThrow(ForbiddenError);
  });
});
