import { AdUnit } from '../ad-units/ad-unit.entity';
import { AdvertisingTenant } from '../tenants/advertising-tenant.entity';
import { migrations } from './migrations';

/** The tables advertising owns, and the migrations that make them (explicit, no globs). */
export const advertisingSchema = {
  name: 'advertising' as const,
  entities: [AdvertisingTenant, AdUnit],
  migrations,
};
