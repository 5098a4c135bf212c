import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Conversion } from './conversion.entity';

/** Subscriptions attributed to paywall decisions, once per subscription. */
@Injectable()
export class ConversionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Serialises the two facts of one subscription (active, invoice paid) until the transaction ends. */
  async lockSubscription(tx: EntityManager, tenantId: string, subscriptionId: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`paywall-conversion:${tenantId}:${subscriptionId}`]);
  }

  /** Records the conversion unless the subscription has one already; true when recorded. */
  async insertIfNew(
    tx: EntityManager,
    conversion: Omit<Conversion, 'revenue' | 'currency' | 'convertedAt'> & { convertedAt: string },
  ): Promise<boolean> {
    const inserted: unknown[] = await tx.query(
      `INSERT INTO paywall.conversions (tenant_id, subscription_id, plan_id, article_id, offer_id, experiment_id, arm, converted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING subscription_id`,
      [
        conversion.tenantId,
        conversion.subscriptionId,
        conversion.planId,
        conversion.articleId,
        conversion.offerId,
        conversion.experimentId,
        conversion.arm,
        conversion.convertedAt,
      ],
    );
    return inserted.length > 0;
  }

  async setRevenue(
    tx: EntityManager,
    tenantId: string,
    subscriptionId: string,
    revenue: string,
    currency: string,
  ): Promise<void> {
    await tx.query(
      `UPDATE paywall.conversions SET revenue = $3::bigint, currency = $4 WHERE tenant_id = $1 AND subscription_id = $2`,
      [tenantId, subscriptionId, revenue, currency],
    );
  }

  /**
   * Adds a paid amount to the subscription's conversion, when it is kept in that currency (or in
   * none yet), and answers the conversion's experiment and arm; null when nothing was added.
   */
  async addRevenue(
    tx: EntityManager,
    tenantId: string,
    subscriptionId: string,
    amount: string,
    currency: string,
  ): Promise<{ experiment_id: string | null; arm: string | null } | null> {
    // TypeORM answers an UPDATE with [rows, count].
    const [updated]: [{ experiment_id: string | null; arm: string | null }[], number] = await tx.query(
      `UPDATE paywall.conversions SET revenue = revenue + $3::bigint, currency = $4
        WHERE tenant_id = $1 AND subscription_id = $2 AND (currency IS NULL OR currency = $4)
        RETURNING experiment_id, arm`,
      [tenantId, subscriptionId, amount, currency],
    );
    return updated[0] ?? null;
  }

  /** The agency's conversions from `from` (inclusive) to `to` (exclusive), oldest first, at most 1,000. */
  findPageOfTenant(tenantId: string, from: Date | null, to: Date | null): Promise<Conversion[]> {
    const query = this.dataSource
      .getRepository(Conversion)
      .createQueryBuilder('c')
      .where('c.tenantId = :tenantId', { tenantId });
    if (from) query.andWhere('c.convertedAt >= :from', { from });
    if (to) query.andWhere('c.convertedAt < :to', { to });
    return query.orderBy('c.convertedAt', 'ASC').addOrderBy('c.subscriptionId', 'ASC').take(1000).getMany();
  }
}
