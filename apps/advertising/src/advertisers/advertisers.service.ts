import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditTrail, Caller, ForbiddenError, NotFoundError, ValidationFailedError } from '@libs/common';
import { AdvertiserView, CreateAdvertiserRequest, SetPaymentTermsRequest } from '@libs/contracts';
import { Advertiser } from './advertiser.entity';
import { AdvertiserRepository } from './advertiser.repository';
import { AgreedTerms, agreedTermsOf } from './payment-terms';

@Injectable()
export class AdvertisersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly advertisers: AdvertiserRepository,
    private readonly audit: AuditTrail,
  ) {}

  create(tenantId: string, request: CreateAdvertiserRequest): Promise<AdvertiserView> {
    const terms = agreed(request);
    return this.dataSource.transaction(async (tx) => {
      const advertiser = await this.advertisers.add(tx, {
        tenantId,
        name: request.name,
        category: request.category,
        mediaAgency: request.mediaAgency ?? null,
        taxCode: request.taxCode ?? null,
        ...terms,
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

  /** Ad ops set how the advertiser pays for its next orders (those booked keep theirs); audited. */
  setPaymentTerms(tenantId: string, request: SetPaymentTermsRequest): Promise<AdvertiserView> {
    const terms = agreed(request);
    return this.dataSource.transaction(async (tx) => {
      const advertiser = await this.advertisers.findForChange(tx, tenantId, request.id);
      if (!advertiser) throw new NotFoundError('advertiser', request.id);
      const before = { paymentTerms: advertiser.paymentTerms, netDays: advertiser.netDays };
      const saved = await this.advertisers.save(tx, Object.assign(advertiser, terms));
      await this.audit.record(tx, {
        tenantId,
        action: 'advertiser.payment-terms-set',
        targetType: 'advertiser',
        targetId: advertiser.id,
        before,
        after: terms,
      });
      return toView(saved);
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
 * Whom a caller may see orders and invoices of: an advertiser's key only its own advertiser (a key
 * of the advertiser role bound to none sees nothing), staff every advertiser (null).
 */
export function advertiserScopeOf(caller: Caller): string | null {
  if (['admin', 'adops', 'finance'].some((role) => caller.roles.includes(role))) return null;
  if (caller.roles.includes('advertiser') && caller.subjectId) return caller.subjectId;
  throw new ForbiddenError('an advertiser key must be bound to an advertiser');
}

function agreed(asked: CreateAdvertiserRequest | SetPaymentTermsRequest): AgreedTerms {
  const terms = agreedTermsOf(asked);
  if ('field' in terms) throw new ValidationFailedError([terms]);
  return terms;
}

function toView(advertiser: Advertiser): AdvertiserView {
  const { id, name, category, mediaAgency, taxCode, paymentTerms, netDays, createdAt } = advertiser;
  return { id, name, category, mediaAgency, taxCode, paymentTerms, netDays, createdAt: createdAt.toISOString() };
}
