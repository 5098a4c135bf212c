import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull, LessThanOrEqual, MoreThan } from 'typeorm';
import { TaxRate } from './tax-rate.entity';

/** The only code that reads and writes the agencies' VAT tables. */
@Injectable()
export class TaxRateRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Serializes changes to one product type's rates until the transaction ends. */
  async lockProductType(tx: EntityManager, tenantId: string, productType: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`tax-rates:${tenantId}:${productType}`]);
  }

  /** Whether a rate of the product type covers part of [from, to) (`to` null: open-ended). */
  async overlapsPeriod(
    tx: EntityManager,
    tenantId: string,
    productType: string,
    from: Date,
    to: Date | null,
  ): Promise<boolean> {
    const overlapping: unknown[] = await tx.query(
      `SELECT id FROM subscriptions.tax_rates WHERE tenant_id = $1 AND product_type = $2
           AND effective_from < COALESCE($4::timestamptz, 'infinity') AND COALESCE(effective_to, 'infinity') > $3 LIMIT 1`,
      [tenantId, productType, from, to],
    );
    return overlapping.length > 0;
  }

  async insert(tx: EntityManager, rate: Omit<TaxRate, 'createdAt'>): Promise<TaxRate> {
    const created = tx.getRepository(TaxRate).create(rate);
    await tx.getRepository(TaxRate).insert(created);
    return created;
  }

  findOfTenant(tenantId: string): Promise<TaxRate[]> {
    return this.dataSource
      .getRepository(TaxRate)
      .find({ where: { tenantId }, order: { productType: 'ASC', effectiveFrom: 'ASC' } });
  }

  /** The product type's rate in force at `at`: one ending later first, else an open-ended one. */
  async findInForceAt(tenantId: string, productType: string, at: Date): Promise<TaxRate | null> {
    const repo = this.dataSource.getRepository(TaxRate);
    return (
      (await repo.findOne({
        where: { tenantId, productType, effectiveFrom: LessThanOrEqual(at), effectiveTo: MoreThan(at) },
      })) ??
      (await repo.findOne({
        where: { tenantId, productType, effectiveFrom: LessThanOrEqual(at), effectiveTo: IsNull() },
      }))
    );
  }

  async recordProviderTaxRate(id: string, providerTaxRateId: string): Promise<void> {
    await this.dataSource.getRepository(TaxRate).update({ id }, { providerTaxRateId });
  }
}
