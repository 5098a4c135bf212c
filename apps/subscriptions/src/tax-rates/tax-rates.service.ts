import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull, LessThanOrEqual, MoreThan } from 'typeorm';
import { AuditTrail, ConflictError, ValidationFailedError } from '@libs/common';
import { CreateTaxRateRequest, TaxRateView } from '@libs/contracts';
import { PaymentProvider, ProviderAccount } from '../payments/payment-provider';
import { basisPointsOf, percentageOf } from './basis-points';
import { TaxRate } from './tax-rate.entity';

/**
 * The agency's VAT table (Vietnam: 10%, with periods of reduced rates such as 8%), never a
 * constant. A checkout gets the rate in force for its product type; the periodic sync moves
 * subscriptions to the rate in force at their next invoice.
 */
@Injectable()
export class TaxRatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly provider: PaymentProvider,
    private readonly audit: AuditTrail,
  ) {}

  async create(tenantId: string, request: CreateTaxRateRequest): Promise<TaxRateView> {
    const from = instant(request.effectiveFrom, 'effectiveFrom');
    const to = request.effectiveTo ? instant(request.effectiveTo, 'effectiveTo') : null;
    if (to && to.getTime() <= from.getTime())
      throw new ValidationFailedError([{ field: 'effectiveTo', message: 'effectiveTo must be after effectiveFrom' }]);
    return this.dataSource.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`tax-rates:${tenantId}:${request.productType}`]);
      const overlapping = await tx.query(
        `SELECT id FROM subscriptions.tax_rates WHERE tenant_id = $1 AND product_type = $2
           AND effective_from < COALESCE($4::timestamptz, 'infinity') AND COALESCE(effective_to, 'infinity') > $3 LIMIT 1`,
        [tenantId, request.productType, from, to],
      );
      if (overlapping.length > 0)
        throw new ConflictError(`a ${request.productType} rate already covers part of that period`);
      const rate = tx.getRepository(TaxRate).create({
        id: randomUUID(),
        tenantId,
        productType: request.productType,
        basisPoints: basisPointsOf(request.percentage),
        inclusive: request.inclusive,
        displayName: request.displayName,
        effectiveFrom: from,
        effectiveTo: to,
        providerTaxRateId: null,
      });
      await tx.getRepository(TaxRate).insert(rate);
      const view = toView(rate);
      await this.audit.record(tx, {
        tenantId,
        action: 'tax-rate.created',
        targetType: 'tax-rate',
        targetId: rate.id,
        after: view,
      });
      return view;
    });
  }

  async list(tenantId: string): Promise<TaxRateView[]> {
    const rates = await this.dataSource
      .getRepository(TaxRate)
      .find({ where: { tenantId }, order: { productType: 'ASC', effectiveFrom: 'ASC' } });
    return rates.map(toView);
  }

  /** The provider tax rate ids to apply at `at` for a product type (none when no rate is in force). */
  async providerRatesAt(account: ProviderAccount, productType: string, at: Date): Promise<string[]> {
    const repo = this.dataSource.getRepository(TaxRate);
    const rate =
      (await repo.findOne({
        where: {
          tenantId: account.tenantId,
          productType,
          effectiveFrom: LessThanOrEqual(at),
          effectiveTo: MoreThan(at),
        },
      })) ??
      (await repo.findOne({
        where: { tenantId: account.tenantId, productType, effectiveFrom: LessThanOrEqual(at), effectiveTo: IsNull() },
      }));
    if (!rate) return [];
    if (!rate.providerTaxRateId) {
      const providerTaxRateId = await this.provider.createTaxRate(account, `tax-rate:${rate.id}`, {
        displayName: rate.displayName,
        percentage: percentageOf(rate.basisPoints),
        inclusive: rate.inclusive,
        country: 'VN',
      });
      await repo.update({ id: rate.id }, { providerTaxRateId });
      return [providerTaxRateId];
    }
    return [rate.providerTaxRateId];
  }
}

function instant(text: string, field: string): Date {
  const at = new Date(text);
  if (Number.isNaN(at.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(text))
    throw new ValidationFailedError([{ field, message: `${field} must be an ISO date or instant` }]);
  return at;
}

function toView(rate: TaxRate): TaxRateView {
  return {
    id: rate.id,
    productType: rate.productType,
    percentage: percentageOf(rate.basisPoints),
    inclusive: rate.inclusive,
    displayName: rate.displayName,
    effectiveFrom: rate.effectiveFrom.toISOString(),
    effectiveTo: rate.effectiveTo?.toISOString() ?? null,
  };
}
