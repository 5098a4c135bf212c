import type { OdrlPolicyDocument } from '@libs/contracts';
import { agencyIri, catalogIri } from '../odrl/agency-iris';
import { SUITE_PROFILE } from '../odrl/odrl-vocabulary';
import { SUITE_POLICY_CONTEXT } from '../odrl/pinned-contexts';

export interface DefaultLicenceOffer {
  name: string;
  /** An ODRL Offer without its uid (the suite names each offer when it makes it). */
  policy: OdrlPolicyDocument;
  /** Published from the start (a reservation on record); else left a draft until the agency prices it. */
  published: boolean;
}

/**
 * What a new agency starts with, as ODRL Offers on its whole catalog:
 * - AI training and text and data mining reserved, and AI answers (grounding) reserved:
 *   published at once, so the opt-out is on record from day one;
 * - search indexing permitted with a link back: published (search engines bring readers);
 * - syndication to other outlets (display, reproduce, distribute, with attribution and a link
 *   back; never AI training or AI input) and archive access (articles a month old): drafts until
 *   the agency sets its prices.
 */
export function defaultLicenceOffers(tenantId: string): DefaultLicenceOffer[] {
  const catalog = catalogIri(tenantId);
  const offer = (rules: OdrlPolicyDocument): OdrlPolicyDocument => ({
    '@context': [...SUITE_POLICY_CONTEXT],
    '@type': 'Offer',
    profile: SUITE_PROFILE,
    assigner: agencyIri(tenantId),
    target: catalog,
    ...rules,
  });
  const credit = [{ action: 'attribute', attributedParty: agencyIri(tenantId) }, { action: 'linkBack' }];
  return [
    {
      name: 'AI training and text and data mining reserved',
      policy: offer({ prohibition: [{ action: 'textAndDataMining' }] }),
      published: true,
    },
    {
      name: 'AI answers (grounding) reserved',
      policy: offer({ prohibition: [{ action: 'aiInput' }] }),
      published: true,
    },
    {
      name: 'Search indexing with a link back',
      policy: offer({ permission: [{ action: 'searchIndex', duty: [{ action: 'linkBack' }] }] }),
      published: true,
    },
    {
      name: 'Syndication to other outlets',
      policy: offer({
        conflict: 'prohibit',
        permission: [{ action: ['display', 'reproduce', 'distribute'], duty: credit }],
        prohibition: [{ action: ['textAndDataMining', 'aiInput'] }],
      }),
      published: false,
    },
    {
      name: 'Archive access',
      policy: offer({
        permission: [
          {
            action: ['display', 'archive'],
            constraint: [{ leftOperand: 'delayPeriod', operator: 'gteq', rightOperand: 'P30D' }],
            duty: credit,
          },
        ],
      }),
      published: false,
    },
  ];
}
