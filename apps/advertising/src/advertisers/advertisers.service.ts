import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditTrail, Caller, ForbiddenError, NotFoundError } from '@libs/common';
import { AdvertiserView, CreateAdvertiserRequest } from '@libs/contracts';
import { Advertiser } from './advertiser.entity';
import { AdvertiserRepository } from './advertiser.repository';

@Injectable()
export class AdvertisersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly advertisers: AdvertiserRepository,
    private readonly audit: AuditTrail,
  ) {}

  create(tenantId: string, request: CreateAdvertiserRequest): Promise<AdvertiserView> {
    return this.dataSource.transaction(async (tx) => {
      const advertiser = await this.advertisers.add(tx, {
        tenantId,
        name: request.name,
        category: request.category,
        mediaAgency: request.mediaAgency ?? null,
        taxCode: request.taxCode ?? null,
      });
      const view = toView(advertiser);
      await this.audit.record(tx, {
        tenantId,
        action: 'advertiser.created',
        targetType: 'advertiser',
        targetId: advertiser.id,
        after: view,
      });
      return view;
    });
  }

  async list(tenantId: string): Promise<AdvertiserView[]> {
    return (await this.advertisers.findAllOfTenant(tenantId)).map(toView);
  }

  async get(tenantId: string, id: string): Promise<AdvertiserView> {
    const advertiser = await this.advertisers.findOneOfTenant(tenantId, id);
    if (!advertiser) throw new NotFoundError('advertiser', id);
    return toView(advertiser);
  }

  /** The advertiser of the agency with this id, or null. */
  find(tenantId: string, id: string): Promise<Advertiser | null> {
    return this.advertisers.findOneOfTenant(tenantId, id);
  }
}

/**
 * Whom a caller may see orders of: an advertiser's key only its own advertiser (a key of the
 * advertiser role bound to none sees nothing), staff every advertiser (null).
 */
export function advertiserScopeOf(caller: Caller): string | null {
  if (caller.roles.includes('admin') || caller.roles.includes('adops')) return null;
  if (caller.roles.includes('advertiser') && caller.subjectId) return caller.subjectId;
  throw new ForbiddenError('an advertiser key must be bound to an advertiser');
}

function toView(advertiser: Advertiser): AdvertiserView {
  const { id, name, category, mediaAgency, taxCode, createdAt } = advertiser;
  return { id, name, category, mediaAgency, taxCode, createdAt: createdAt.toISOString() };
}
