import type { HeldGroupLicence } from '../entitlements/grant-source';
import type { GroupLicence } from './group-licence.entity';

/** A running licence as a grant to one of its members or to an address in its ranges. */
export function toHeldGroupLicence(licence: GroupLicence, coveredBy: HeldGroupLicence['coveredBy']): HeldGroupLicence {
  return {
    source: 'group',
    id: licence.id,
    name: licence.name,
    validUntil: licence.validUntil,
    coveredBy,
    productId: licence.productId,
  };
}
