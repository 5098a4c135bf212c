import { ForbiddenError } from '@libs/common';
import { licenseeScopeOf } from './licensee-scope';

const caller = (roles: string[], subjectId?: string) => ({
  tenantId: 't-1',
  actor: 'api-key:k-1',
  roles,
  requestId: 'r-1',
  ...(subjectId ? { subjectId } : {}),
});

describe('whose licensing objects a caller sees', () => {
  it.each<[string, ReturnType<typeof caller>, string | null]>([
    ['an admin: every licensee', caller(['admin']), null],
    ['an editor: every licensee', caller(['editor']), null],
    ['an editor bound to a licensee still: every licensee', caller(['editor'], 'lic-1'), null],
    ["a licensee's key: its own licensee", caller(['licensee'], 'lic-1'), 'lic-1'],
  ])('%s', (_who, who, scope) => {
    expect(licenseeScopeOf(who)).toBe(scope);
  });

  it.each([
    ['a licensee key bound to no licensee', caller(['licensee'])],
    ['an advertiser key', caller(['advertiser'], 'adv-1')],
    ['a finance key', caller(['finance'], 'lic-1')],
  ])('refuses %s', (_who, who) => {
    expect(() => licenseeScopeOf(who)).toThrow(ForbiddenError);
  });
});
