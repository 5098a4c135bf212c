import type { LicenseeView } from '@libs/contracts';
import type { Licensee } from './licensee.entity';

/** A licensee as answered: never the hash of its client secret. */
export function toView(licensee: Licensee): LicenseeView {
  return {
    id: licensee.id,
    name: licensee.name,
    kind: licensee.kind,
    country: licensee.country,
    taxCode: licensee.taxCode,
    contact: { name: licensee.contactName, email: licensee.contactEmail, phone: licensee.contactPhone },
    clientId: licensee.clientId,
    clientSecretIssuedAt: licensee.clientSecretIssuedAt?.toISOString() ?? null,
    createdAt: licensee.createdAt.toISOString(),
    updatedAt: licensee.updatedAt.toISOString(),
  };
}
