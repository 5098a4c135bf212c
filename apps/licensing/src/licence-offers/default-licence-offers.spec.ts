import { articleAsset, licenseeIri } from '../odrl/agency-iris';
import { evaluate } from '../odrl/evaluate';
import { readPolicy } from '../odrl/read-policy';
import { toAgreement } from '../odrl/to-agreement';
import { defaultLicenceOffers } from './default-licence-offers';
import { offerPolicy } from './offer-policy';

const AGENCY = '7f1f9c1e-5b1a-4c7e-9d1e-1a2b3c4d5e6f';
const LICENSEE = licenseeIri(AGENCY, 'b9c2a1d0-0000-4000-8000-000000000001');

/** What a licensee who accepted the default offer named `name` may do with a month-old article. */
function accepted(name: string, action: string) {
  const offer = defaultLicenceOffers(AGENCY).find((o) => o.name === name)!;
  const agreement = toAgreement(offerPolicy(AGENCY, '11111111-1111-4111-8111-111111111111', offer.policy), {
    uid: 'https://revenue-suite.dev/agreements/1',
    assignee: LICENSEE,
    start: new Date('2026-01-01T00:00:00Z'),
    end: null,
  });
  const read = readPolicy(agreement);
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  const now = new Date('2026-06-01T00:00:00Z');
  return evaluate(read.policy, {
    assignee: { uid: LICENSEE },
    action,
    target: articleAsset(AGENCY, {
      id: 'bai-1',
      sections: ['thoi-su'],
      publishedAt: new Date('2026-04-15T00:00:00Z'),
      embargoUntil: null,
      excludedTerritories: [],
      licensable: true,
    }),
    context: { country: 'VN', channel: 'web', now, countSoFar: {} },
  });
}

describe('the licence offers a new agency starts with', () => {
  it('are valid ODRL Offers of the agency', () => {
    for (const offer of defaultLicenceOffers(AGENCY))
      expect(() => offerPolicy(AGENCY, '11111111-1111-4111-8111-111111111111', offer.policy)).not.toThrow();
  });

  it.each([
    ['Syndication to other outlets', 'reproduce', 'permit'],
    ['Syndication to other outlets', 'aiTrain', 'deny'],
    ['Syndication to other outlets', 'aiInput', 'deny'],
    ['Search indexing with a link back', 'searchIndex', 'permit'],
    ['Search indexing with a link back', 'aiTrain', 'deny'],
    ['AI training and text and data mining reserved', 'aiTrain', 'deny'],
    ['AI answers (grounding) reserved', 'aiInput', 'deny'],
    ['Archive access', 'archive', 'permit'],
  ])('%s, once agreed, answers %s with %s', (name, action, decision) => {
    expect(accepted(name, action).decision).toBe(decision);
  });

  it('asks syndication licensees for attribution and a link back', () => {
    expect(accepted('Syndication to other outlets', 'display').duties.map((d) => d.action)).toEqual([
      'attribute',
      'rev:linkBack',
    ]);
  });
});
