import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail, ConflictError, isUniqueViolation, NotFoundError, ValidationFailedError } from '@libs/common';
import { AdUnitChanges, AdUnitView, CreateAdUnitRequest } from '@libs/contracts';
import { localDayOf } from '../calendar/agency-days';
import { AgencyCalendarRepository } from '../calendar/agency-calendar.repository';
import { tagProblems } from '../creatives/creative-content';
import { unitAccepts } from '../creatives/creative-rules';
import { CreativesService } from '../creatives/creatives.service';
import { InventoryDayRepository } from '../inventory/inventory-day.repository';
import { AdUnitServingPublisher } from '../serving/ad-unit-serving.publisher';
import { SitesService } from '../sites/sites.service';
import { AdUnit } from './ad-unit.entity';
import { AdUnitRepository } from './ad-unit.repository';
import { defaultAdUnitsFor } from './default-ad-units';
import { UnitCapacityService } from './unit-capacity.service';

@Injectable()
export class AdUnitsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly adUnits: AdUnitRepository,
    private readonly inventory: InventoryDayRepository,
    private readonly calendars: AgencyCalendarRepository,
    private readonly sites: SitesService,
    private readonly capacity: UnitCapacityService,
    private readonly creatives: CreativesService,
    private readonly serving: AdUnitServingPublisher,
    private readonly audit: AuditTrail,
  ) {}

  async list(tenantId: string): Promise<AdUnitView[]> {
    return (await this.adUnits.findAllOfTenant(tenantId)).map(toView);
  }

  async get(tenantId: string, id: string): Promise<AdUnitView> {
    return toView(await this.find(tenantId, id));
  }

  async create(tenantId: string, request: CreateAdUnitRequest): Promise<AdUnitView> {
    await this.checkSite(tenantId, request.siteId);
    return this.dataSource.transaction(async (tx) => {
      const adUnit = await this.adUnits
        .add(tx, {
          tenantId,
          siteId: request.siteId,
          code: request.code,
          name: request.name,
          format: request.format,
          ...sizeFields(request.sizes),
          pageTypes: unique(request.pageTypes),
          sections: unique(request.sections ?? []),
          dailyCapacity: request.dailyCapacity,
          capacityMode: 'configured',
          capacityForecast: null,
          forecastCheckedAt: null,
          exclusiveSponsorship: request.exclusiveSponsorship ?? false,
          active: true,
          houseCreativeIds: [],
          passbackTag: null,
          servingVersion: 0,
        })
        .catch((error: unknown) => {
          if (isUniqueViolation(error))
            throw new ConflictError(`the agency already has an ad unit coded ${request.code}`);
          throw error;
        });
      const view = toView(adUnit);
      await this.serving.unitsChanged(tx, tenantId, [adUnit.id]);
      await this.audit.record(tx, {
        tenantId,
        action: 'ad-unit.created',
        targetType: 'ad-unit',
        targetId: adUnit.id,
        after: view,
      });
      return view;
    });
  }

  async update(tenantId: string, id: string, changes: AdUnitChanges): Promise<AdUnitView> {
    if (changes.siteId !== undefined) await this.checkSite(tenantId, changes.siteId);
    if (typeof changes.passbackTag === 'string') {
      const problems = tagProblems(changes.passbackTag, 'passbackTag');
      if (problems.length > 0) throw new ValidationFailedError(problems);
    }
    const { timeZone } = await this.calendars.findOfTenant(tenantId);
    const now = new Date();
    // a forecast is made before the transaction: it reads the unit's delivery, not what the transaction locks
    const forecast =
      changes.capacity?.mode === 'forecast'
        ? (await this.find(tenantId, id), await this.capacity.forecastOf(tenantId, id, now))
        : null;
    return this.dataSource.transaction(async (tx) => {
      const adUnit = await this.adUnits.findForChange(tx, tenantId, id);
      if (!adUnit) throw new NotFoundError('ad unit', id);
      const before = toView(adUnit);
      const today = localDayOf(now, timeZone);
      const capacity = {
        dailyCapacity: changes.dailyCapacity ?? adUnit.dailyCapacity,
        capacityMode: changes.capacity?.mode ?? adUnit.capacityMode,
        capacityForecast: changes.capacity ? forecast : adUnit.capacityForecast,
        forecastCheckedAt: changes.capacity ? (forecast ? now : null) : adUnit.forecastCheckedAt,
      };
      const what =
        capacity.capacityMode === 'forecast' ? "the forecast's lower bound" : `dailyCapacity ${capacity.dailyCapacity}`;
      await this.capacity.applyToDaysToCome(tx, adUnit, capacity, today, what);
      if (changes.active === false && adUnit.active) await this.refuseWhileBooked(tx, adUnit, today);
      if (changes.houseCreativeIds !== undefined)
        await this.checkHouseCreatives(tenantId, changes.houseCreativeIds, changes.sizes ?? adUnit.sizes);
      Object.assign(adUnit, {
        ...(changes.siteId !== undefined ? { siteId: changes.siteId } : {}),
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.format !== undefined ? { format: changes.format } : {}),
        ...(changes.sizes !== undefined ? sizeFields(changes.sizes) : {}),
        ...(changes.pageTypes !== undefined ? { pageTypes: unique(changes.pageTypes) } : {}),
        ...(changes.sections !== undefined ? { sections: unique(changes.sections) } : {}),
        ...capacity,
        ...(changes.exclusiveSponsorship !== undefined ? { exclusiveSponsorship: changes.exclusiveSponsorship } : {}),
        ...(changes.active !== undefined ? { active: changes.active } : {}),
        ...(changes.houseCreativeIds !== undefined ? { houseCreativeIds: unique(changes.houseCreativeIds) } : {}),
        ...(changes.passbackTag !== undefined ? { passbackTag: changes.passbackTag } : {}),
      });
      const after = toView(await this.adUnits.save(tx, adUnit));
      await this.serving.unitsChanged(tx, tenantId, [id]);
      await this.audit.record(tx, {
        tenantId,
        action: 'ad-unit.changed',
        targetType: 'ad-unit',
        targetId: id,
        before,
        after,
      });
      return after;
    });
  }

  /** Off sale; refused while a day to come is sold or held on it. */
  archive(tenantId: string, id: string): Promise<AdUnitView> {
    return this.update(tenantId, id, { active: false });
  }

  /** The agency's units among `ids`, locked against changes while the transaction books on them. */
  lockForBooking(tx: EntityManager, tenantId: string, ids: string[]): Promise<AdUnit[]> {
    return this.adUnits.findForBooking(tx, tenantId, ids);
  }

  /** The agency's units among `ids` (another agency's are not found). */
  findMany(tenantId: string, ids: string[]): Promise<AdUnit[]> {
    return this.adUnits.findManyOfTenant(tenantId, ids);
  }

  provisionDefaults(tx: EntityManager, tenantId: string): Promise<void> {
    return this.adUnits.insertAll(tx, defaultAdUnitsFor(tenantId));
  }

  private async find(tenantId: string, id: string): Promise<AdUnit> {
    const adUnit = await this.adUnits.findOneOfTenant(tenantId, id);
    if (!adUnit) throw new NotFoundError('ad unit', id);
    return adUnit;
  }

  private async checkSite(tenantId: string, siteId: string): Promise<void> {
    if (!(await this.sites.isOfTenant(tenantId, siteId)))
      throw new ValidationFailedError([{ field: 'siteId', message: 'must be a site of the agency' }]);
  }

  /** House ads are creatives of the agency (any advertiser's, usually one ad ops keep for the agency) the unit can show. */
  private async checkHouseCreatives(tenantId: string, ids: string[], sizes: string[]): Promise<void> {
    const found = new Map((await this.creatives.findOfAgency(tenantId, unique(ids))).map((c) => [c.id, c]));
    const problems = ids.flatMap((creativeId, i) => {
      const creative = found.get(creativeId);
      if (!creative) return [{ field: `houseCreativeIds[${i}]`, message: 'is not a creative of the agency' }];
      if (!unitAccepts(sizes, creative))
        return [
          { field: `houseCreativeIds[${i}]`, message: `is ${creative.size}; the unit accepts ${sizes.join(', ')}` },
        ];
      return [];
    });
    if (problems.length > 0) throw new ValidationFailedError(problems);
  }

  private async refuseWhileBooked(tx: EntityManager, adUnit: AdUnit, today: string): Promise<void> {
    const taken = await this.inventory.daysTaken(tx, adUnit.id, today);
    if (taken.length > 0)
      throw new ConflictError(
        `ad unit ${adUnit.code} is sold or held on ${taken.slice(0, 31).join(', ')}; it stays on sale`,
      );
  }
}

/** Width and height of the first fixed size, or 0 when the unit takes only native or fluid ads. */
function sizeFields(sizes: string[]): Pick<AdUnit, 'sizes' | 'width' | 'height'> {
  const fixed = sizes.find((size) => size.includes('x'));
  const [width, height] = fixed ? fixed.split('x').map(Number) : [0, 0];
  return { sizes: unique(sizes), width, height };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

export function toView(adUnit: AdUnit): AdUnitView {
  const { id, siteId, code, name, format, width, height, sizes, pageTypes, sections, dailyCapacity } = adUnit;
  return {
    id,
    siteId,
    code,
    name,
    format,
    width,
    height,
    sizes,
    pageTypes,
    sections,
    dailyCapacity,
    capacity: {
      mode: adUnit.capacityMode,
      forecast: adUnit.capacityMode === 'forecast' ? adUnit.capacityForecast : null,
    },
    exclusiveSponsorship: adUnit.exclusiveSponsorship,
    active: adUnit.active,
    houseCreativeIds: adUnit.houseCreativeIds,
    passbackTag: adUnit.passbackTag,
  };
}
