import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditTrail, ConflictError, isUniqueViolation, NotFoundError, ValidationFailedError } from '@libs/common';
import type { CreateTakeoverPageRequest, FieldError, TakeoverPageChanges, TakeoverPageView } from '@libs/contracts';
import { AdUnitsService } from '../ad-units/ad-units.service';
import { SitesService } from '../sites/sites.service';
import { TakeoverPage } from './takeover-page.entity';
import { TakeoverPageRepository } from './takeover-page.repository';

/** Ad ops' takeover pages: named sets of one site's units that a takeover takes together. */
@Injectable()
export class TakeoverPagesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pages: TakeoverPageRepository,
    private readonly adUnits: AdUnitsService,
    private readonly sites: SitesService,
    private readonly audit: AuditTrail,
  ) {}

  async list(tenantId: string): Promise<TakeoverPageView[]> {
    return (await this.pages.findAllOfTenant(tenantId)).map(toView);
  }

  async get(tenantId: string, id: string): Promise<TakeoverPageView> {
    return toView(await this.find(tenantId, id));
  }

  /** The agency's page (another agency's is not found), for a takeover to book. */
  async find(tenantId: string, id: string): Promise<TakeoverPage> {
    const page = await this.pages.findOneOfTenant(tenantId, id);
    if (!page) throw new NotFoundError('takeover page', id);
    return page;
  }

  async create(tenantId: string, request: CreateTakeoverPageRequest): Promise<TakeoverPageView> {
    if (!(await this.sites.isOfTenant(tenantId, request.siteId)))
      throw new ValidationFailedError([{ field: 'siteId', message: 'must be a site of the agency' }]);
    await this.checkUnits(tenantId, request.siteId, request.adUnitIds);
    return this.dataSource.transaction(async (tx) => {
      const page = await this.pages
        .add(tx, {
          tenantId,
          siteId: request.siteId,
          code: request.code,
          name: request.name,
          adUnitIds: request.adUnitIds,
        })
        .catch((error: unknown) => {
          if (isUniqueViolation(error))
            throw new ConflictError(`the agency already has a takeover page coded ${request.code}`);
          throw error;
        });
      const view = toView(page);
      await this.audit.record(tx, {
        tenantId,
        action: 'takeover-page.created',
        targetType: 'takeover-page',
        targetId: page.id,
        after: view,
      });
      return view;
    });
  }

  async update(tenantId: string, id: string, changes: TakeoverPageChanges): Promise<TakeoverPageView> {
    return this.dataSource.transaction(async (tx) => {
      const page = await this.pages.findForChange(tx, tenantId, id);
      if (!page) throw new NotFoundError('takeover page', id);
      if (changes.adUnitIds !== undefined) await this.checkUnits(tenantId, page.siteId, changes.adUnitIds);
      const before = toView(page);
      if (changes.name !== undefined) page.name = changes.name;
      if (changes.adUnitIds !== undefined) page.adUnitIds = changes.adUnitIds;
      const after = toView(await this.pages.save(tx, page));
      await this.audit.record(tx, {
        tenantId,
        action: 'takeover-page.changed',
        targetType: 'takeover-page',
        targetId: id,
        before,
        after,
      });
      return after;
    });
  }

  /** Every unit is the agency's, on the page's site (an inactive one may be named: booking refuses it then). */
  private async checkUnits(tenantId: string, siteId: string, adUnitIds: string[]): Promise<void> {
    const units = await this.adUnits.findMany(tenantId, adUnitIds);
    const errors: FieldError[] = [];
    adUnitIds.forEach((id, i) => {
      const unit = units.find((candidate) => candidate.id === id);
      if (!unit) errors.push({ field: `adUnitIds[${i}]`, message: 'must be an ad unit of the agency' });
      else if (unit.siteId !== siteId)
        errors.push({ field: `adUnitIds[${i}]`, message: `ad unit ${unit.code} is not on the page's site` });
    });
    if (errors.length > 0) throw new ValidationFailedError(errors);
  }
}

function toView(page: TakeoverPage): TakeoverPageView {
  return {
    id: page.id,
    siteId: page.siteId,
    code: page.code,
    name: page.name,
    adUnitIds: page.adUnitIds,
    createdAt: page.createdAt.toISOString(),
    updatedAt: page.updatedAt.toISOString(),
  };
}
