import { ValidationFailedError } from '@libs/common';
import { agencyIri, catalogIri, licenceOfferIri, sectionIri } from '../odrl/agency-iris';
import { SUITE_PROFILE } from '../odrl/odrl-vocabulary';
import { SUITE_POLICY_CONTEXT } from '../odrl/pinned-contexts';
import { offerPolicy, revisionPolicy } from './offer-policy';

const AGENCY = '7f1f9c1e-5b1a-4c7e-9d1e-1a2b3c4d5e6f';
const OFFER = '11111111-1111-4111-8111-111111111111';

const draft = (rules: Record<string, unknown> = {}) => ({
  '@context': [...SUITE_POLICY_CONTEXT],
  '@type': 'Offer',
  profile: SUITE_PROFILE,
  permission: [{ target: catalogIri(AGENCY), action: 'display' }],
  ...rules,
});

function refusal(document: Record<string, unknown>): { field: string; message: string }[] {
  try {
    offerPolicy(AGENCY, OFFER, document);
  } catch (error) {
    if (error instanceof ValidationFailedError) return error.errors ?? [];
    throw error;
  }
  throw new Error('the policy was taken');
}

describe('offerPolicy', () => {
  it('names the offer and its assigner, the agency', () => {
    expect(offerPolicy(AGENCY, OFFER, draft())).toMatchObject({
      uid: licenceOfferIri(AGENCY, OFFER),
      assigner: agencyIri(AGENCY),
    });
  });

  it('takes a section of the agency as target, and the uid the suite would give', () => {
    const policy = draft({
      uid: licenceOfferIri(AGENCY, OFFER),
      permission: [{ target: sectionIri(AGENCY, 'the-thao'), action: 'reproduce' }],
    });
    expect(offerPolicy(AGENCY, OFFER, policy).uid).toBe(licenceOfferIri(AGENCY, OFFER));
  });

  it.each([
    ['a uid of its own', draft({ uid: 'https://example.com/policy:1' }), 'policy.uid'],
    ['another assigner', draft({ assigner: 'https://example.com/someone-else' }), 'policy.permission[0].assigner'],
    [
      "another agency's catalog",
      draft({ permission: [{ target: catalogIri('00000000-0000-4000-8000-000000000000'), action: 'display' }] }),
      'policy.permission[0].target',
    ],
    ['a Set rather than an Offer', draft({ '@type': 'Set' }), 'policy.@type'],
    [
      'an ODRL error, named inside policy',
      draft({ permission: [{ target: catalogIri(AGENCY), action: 'dance' }] }),
      'policy.permission[0].action',
    ],
  ])('refuses %s, naming it', (_case, document, field) => {
    expect(refusal(document).map((e) => e.field)).toContain(field);
  });

  it('names a revision by its own uid, leaving the draft as it is', () => {
    const policy = offerPolicy(AGENCY, OFFER, draft());
    const revision = revisionPolicy(policy, `${licenceOfferIri(AGENCY, OFFER)}/revisions/2`);
    expect(revision.uid).toBe(`${licenceOfferIri(AGENCY, OFFER)}/revisions/2`);
    expect(policy.uid).toBe(licenceOfferIri(AGENCY, OFFER));
  });
});
