import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotFoundError } from '@libs/common';
import { AdUnitView } from '@libs/contracts';
import { AdUnit } from './ad-unit.entity';
import { AdUnitRepository } from './ad-unit.repository';
import { defaultAdUnitsFor } from './default-ad-units';

@Injectable()
export class AdUnitsService {
  constructor(private readonly adUnits: AdUnitRepository) {}

  async list(tenantId: string): Promise<AdUnitView[]> {
    return (await this.adUnits.findAllOfTenant(tenantId)).map(toView);
  }

  async get(tenantId: string, id: string): Promise<AdUnitView> {
    const adUnit = await this.adUnits.findOneOfTenant(tenantId, id);
    if (!adUnit) throw new NotFoundError('ad unit', id);
    return toView(adUnit);
  }

  provisionDefaults(tx: EntityManager, tenantId: string): Promise<void> {
    return this.adUnits.insertAll(tx, defaultAdUnitsFor(tenantId));
  }
}

function toView(adUnit: AdUnit): AdUnitView {
  const { id, code, name, format, width, height, active } = adUnit;
  return { id, code, name, format, width, height, active };
}
