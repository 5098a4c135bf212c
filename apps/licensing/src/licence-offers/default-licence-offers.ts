import type { LicenceOffer } from './licence-offer.entity';

/**
 * What a new agency starts with: AI uses refused and published as such (an opt-out on record
 * from day one); syndication and archive access permitted, left in draft until priced.
 */
export function defaultLicenceOffersFor(tenantId: string): Partial<LicenceOffer>[] {
  return [
    { tenantId, name: 'Syndication to other outlets', use: 'syndication', stance: 'permit', status: 'draft' },
    { tenantId, name: 'AI training', use: 'ai-training', stance: 'prohibit', status: 'published' },
    { tenantId, name: 'AI answers with attribution', use: 'ai-inference', stance: 'prohibit', status: 'published' },
    { tenantId, name: 'Archive access', use: 'archive', stance: 'permit', status: 'draft' },
  ];
}
