import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditTrail, parseMinorUnits, ValidationFailedError } from '@libs/common';
import { CouponView, CreateCouponRequest } from '@libs/contracts';
import { ProviderCatalog, ProviderCoupon } from '../payments/provider-catalog';
import { StripeAccountsService } from '../stripe-accounts/stripe-accounts.service';

/** Discounts live at the payment provider (it applies them to invoices); this is their API. */
@Injectable()
export class CouponsService {
  constructor(
    private readonly accounts: StripeAccountsService,
    private readonly provider: ProviderCatalog,
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async create(tenantId: string, request: CreateCouponRequest): Promise<CouponView> {
    const redeemBy = request.redeemBy ? new Date(request.redeemBy) : null;
    if (redeemBy && (Number.isNaN(redeemBy.getTime()) || redeemBy.getTime() <= Date.now())) {
      throw new ValidationFailedError([{ field: 'redeemBy', message: 'redeemBy must be a future ISO instant' }]);
    }
    const account = await this.accounts.providerAccountOf(tenantId);
    const coupon = await this.provider.createCoupon(account, `coupon:${randomUUID()}`, {
      name: request.name,
      percentOff: request.percentOff ?? null,
      amountOff: request.amountOff !== undefined ? parseMinorUnits(request.amountOff) : null,
      currency: request.amountOff !== undefined ? (request.currency ?? null) : null,
      duration: request.duration,
      durationInMonths: request.durationInMonths ?? null,
      maxRedemptions: request.maxRedemptions ?? null,
      redeemBy,
      code: request.code ?? null,
    });
    const view = toView(coupon);
    // The coupon lives at the provider; only its audit record is ours.
    await this.dataSource.transaction((tx) =>
      this.audit.record(tx, {
        tenantId,
        action: 'coupon.created',
        targetType: 'coupon',
        targetId: coupon.id,
        after: view,
      }),
    );
    return view;
  }

  async list(tenantId: string): Promise<CouponView[]> {
    const account = await this.accounts.providerAccountOf(tenantId);
    return (await this.provider.listCoupons(account)).map(toView);
  }
}

function toView(coupon: ProviderCoupon): CouponView {
  return {
    ...coupon,
    amountOff: coupon.amountOff?.toString() ?? null,
    redeemBy: coupon.redeemBy?.toISOString() ?? null,
  };
}
