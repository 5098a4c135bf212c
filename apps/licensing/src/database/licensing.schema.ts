import { CatalogArticle } from '../catalog/catalog-article.entity';
import { LicenceOffer } from '../licence-offers/licence-offer.entity';
import { Licensee } from '../licensees/licensee.entity';
import { LicenceOfferRevision } from '../licence-offers/licence-offer-revision.entity';
import { LicensingTenant } from '../tenants/licensing-tenant.entity';
import { migrations } from './migrations';

/** The tables licensing owns, and the migrations that make them (explicit, no globs). */
export const licensingSchema = {
  name: 'licensing' as const,
  entities: [LicensingTenant, LicenceOffer, LicenceOfferRevision, CatalogArticle, Licensee],
  migrations,
};
