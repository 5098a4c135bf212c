import type { RequestingParty, TargetFacts } from './evaluation';

/**
 * The IRIs the suite names an agency's things by in its policies: names, never fetched. Every
 * policy is read inside its agency, so an IRI never leads to another agency's objects.
 */
const AGENCIES = 'https://revenue-suite.dev/agencies/';

export const agencyIri = (tenantId: string): string => `${AGENCIES}${tenantId}`;
/** Everything the agency publishes: the AssetCollection an offer on the whole catalog targets. */
export const catalogIri = (tenantId: string): string => `${agencyIri(tenantId)}/catalog`;
export const sectionIri = (tenantId: string, section: string): string =>
  `${agencyIri(tenantId)}/sections/${encodeURIComponent(section)}`;
export const articleIri = (tenantId: string, articleId: string): string =>
  `${agencyIri(tenantId)}/articles/${encodeURIComponent(articleId)}`;
export const licenseeIri = (tenantId: string, licenseeId: string): string =>
  `${agencyIri(tenantId)}/licensees/${licenseeId}`;
export const licenceOfferIri = (tenantId: string, offerId: string): string =>
  `${agencyIri(tenantId)}/licence-offers/${offerId}`;
export const licenceOfferRevisionIri = (tenantId: string, offerId: string, revision: number): string =>
  `${licenceOfferIri(tenantId, offerId)}/revisions/${revision}`;

export interface ArticleFacts {
  id: string;
  sections: readonly string[];
  publishedAt: Date | null;
  embargoUntil: Date | null;
  excludedTerritories: readonly string[];
  licensable: boolean;
}

/** An article as the evaluator sees it: its IRI, and the catalog and sections it belongs to. */
export function articleAsset(tenantId: string, article: ArticleFacts): TargetFacts {
  const { id, sections, ...facts } = article;
  return {
    uid: articleIri(tenantId, id),
    partOf: [catalogIri(tenantId), ...sections.map((section) => sectionIri(tenantId, section))],
    sections,
    ...facts,
  };
}

export function licenseeParty(tenantId: string, licenseeId: string): RequestingParty {
  return { uid: licenseeIri(tenantId, licenseeId) };
}
