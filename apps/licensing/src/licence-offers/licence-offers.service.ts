import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotFoundError } from '@libs/common';
import { LicenceOfferView } from '@libs/contracts';
import { defaultLicenceOffersFor } from './default-licence-offers';
import { LicenceOffer } from './licence-offer.entity';
import { LicenceOfferRepository } from './licence-offer.repository';

@Injectable()
export class LicenceOffersService {
  constructor(private readonly offers: LicenceOfferRepository) {}

  async list(tenantId: string): Promise<LicenceOfferView[]> {
    return (await this.offers.findAllOfTenant(tenantId)).map(toView);
  }

  async get(tenantId: string, id: string): Promise<LicenceOfferView> {
    const offer = await this.offers.findOneOfTenant(tenantId, id);
    if (!offer) throw new NotFoundError('licence offer', id);
    return toView(offer);
  }

  provisionDefaults(tx: EntityManager, tenantId: string): Promise<void> {
    return this.offers.insertAll(tx, defaultLicenceOffersFor(tenantId));
  }
}

function toView(offer: LicenceOffer): LicenceOfferView {
  const { id, name, use, stance, status } = offer;
  return { id, name, use, stance, status };
}
