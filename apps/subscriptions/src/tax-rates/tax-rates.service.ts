import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditTrail, ConflictError, ValidationFailedError } from '@libs/common';
import { CreateTaxRateRequest, TaxRateView } from '@libs/contracts';
import { ProviderAccount } from '../payments/provider-account';
import { ProviderCatalog } from '../payments/provider-catalog';
import { basisPointsOf, percentageOf } from './basis-points';
import { TaxRate } from './tax-rate.entity';
import { TaxRateRepository } from './tax-rate.repository';

/**
 * The agency's VAT table (Vietnam: 10%, with periods of reduced rates such as 8%), never a
 * constant. A checkout gets the rate in force for its product type; the periodic sync moves
 * subscriptions to the rate in force at their next invoice.
 */
@Injectable()
export class TaxRatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly provider: ProviderCatalog,
    private readonly audit: AuditTrail,
    private readonly rates: TaxRateRepository,
  ) {}

  async create(tenantId: string, request: CreateTaxRateRequest): Promise<TaxRateView> {
    const from = instant(request.effectiveFrom, 'effectiveFrom');
    const to = request.effectiveTo ? instant(request.effectiveTo, 'effectiveTo') : null;
    if (to && to.getTime() <= from.getTime())
      throw new ValidationFailedError([{ field: 'effectiveTo', message: 'effectiveTo must be after effectiveFrom' }]);
    return this.dataSource.transaction(async (tx) => {
      await this.rates.lockProductType(tx, tenantId, request.productType);
      if (await this.rates.overlapsPeriod(tx, tenantId, request.productType, from, to))
        throw new ConflictError(`a ${request.productType} rate already covers part of that period`);
      const rate = await this.rates.insert(tx, {
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
    const rates = await this.rates.findOfTenant(tenantId);
    return rates.map(toView);
  }

  /** The product type's rate in force at `at` (null: none), for invoices the suite bills itself. */
  async rateAt(
    tenantId: string,
    productType: string,
    at: Date,
  ): Promise<Pick<TaxRate, 'basisPoints' | 'inclusive'> | null> {
    const rate = await this.rates.findInForceAt(tenantId, productType, at);
    return rate && { basisPoints: rate.basisPoints, inclusive: rate.inclusive };
  }

  /** The provider tax rate ids to apply at `at` for a product type (none when no rate is in force). */
  async providerRatesAt(account: ProviderAccount, productType: string, at: Date): Promise<string[]> {
    const rate = await this.rates.findInForceAt(account.tenantId, productType, at);
    if (!rate) return [];
    if (!rate.providerTaxRateId) {
      const providerTaxRateId = await this.provider.createTaxRate(account, `tax-rate:${rate.id}`, {
        displayName: rate.displayName,
        percentage: percentageOf(rate.basisPoints),
        inclusive: rate.inclusive,
        country: 'VN',
      });
      await this.rates.recordProviderTaxRate(rate.id, providerTaxRateId);
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
