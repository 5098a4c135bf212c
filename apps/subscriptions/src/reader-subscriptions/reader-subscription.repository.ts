import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { InvoiceStatus } from '@libs/contracts';
import { DEFAULT_RENEWAL_NOTICE_DAYS } from '../billing-settings/default-billing-settings';
import { ReaderSubscription } from './reader-subscription.entity';

/** What the sync writes of a subscription, as last read from the provider. */
type SyncedSubscriptionState = Omit<
  ReaderSubscription,
  'id' | 'tenantId' | 'providerSubscriptionId' | 'billedBy' | 'returnUrl' | 'creditBalance' | 'createdAt' | 'updatedAt'
>;

/** The only code that reads and writes reader subscriptions. */
@Injectable()
export class ReaderSubscriptionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Serializes writes of one subscription (the sync, plan changes) until the transaction ends; reentrant. */
  async lock(tx: EntityManager, tenantId: string, providerSubscriptionId: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `subscription:${tenantId}:${providerSubscriptionId}`,
    ]);
  }

  /**
   * The row's version (the transaction that last wrote it, Postgres' `xmin`), or null when there is
   * no row: a change of it means someone wrote the row in between.
   */
  async versionOf(tenantId: string, providerSubscriptionId: string, tx?: EntityManager): Promise<string | null> {
    const rows: { version: string }[] = await (tx ?? this.dataSource.manager).query(
      `SELECT xmin::text AS version FROM subscriptions.reader_subscriptions WHERE tenant_id = $1 AND provider_subscription_id = $2`,
      [tenantId, providerSubscriptionId],
    );
    return rows[0]?.version ?? null;
  }

  findOneOfTenant(
    tenantId: string,
    id: string,
    tx: EntityManager = this.dataSource.manager,
  ): Promise<ReaderSubscription | null> {
    return tx.getRepository(ReaderSubscription).findOne({ where: { tenantId, id } });
  }

  /** The subscription with its row locked until the transaction ends (whoever else writes it waits). */
  lockOfTenant(tx: EntityManager, tenantId: string, id: string): Promise<ReaderSubscription | null> {
    return tx
      .getRepository(ReaderSubscription)
      .findOne({ where: { tenantId, id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Locks up to `limit` active or trialing subscriptions the suite bills with something due at `now`: the
   * renewal not yet issued once within the agency's notice days (none for one cancelled at period
   * end), or the period over. Rows other instances hold are skipped; answers each with its
   * agency's notice days and the status of its next period's invoice, if issued.
   */
  async lockSuiteBilledDue(
    tx: EntityManager,
    now: Date,
    limit: number,
  ): Promise<{ subscription: ReaderSubscription; noticeDays: number; renewalStatus: InvoiceStatus | null }[]> {
    const rows: { id: string; notice_days: number; renewal_status: InvoiceStatus | null }[] = await tx.query(
      `SELECT s.id, COALESCE(b.renewal_notice_days, $3) AS notice_days, r.status AS renewal_status
         FROM subscriptions.reader_subscriptions s
         LEFT JOIN subscriptions.billing_settings b ON b.tenant_id = s.tenant_id
         LEFT JOIN subscriptions.invoices r ON r.tenant_id = s.tenant_id AND r.subscription_id = s.id
              AND r.period_start = s.current_period_end AND r.provider_invoice_id LIKE 'suite:%'
              AND NOT r.proration AND r.status <> 'void'
        WHERE s.billed_by = 'suite' AND s.status IN ('active', 'trialing')
          AND s.current_period_end <= $1::timestamptz + make_interval(days => COALESCE(b.renewal_notice_days, $3))
          AND (s.current_period_end <= $1 OR (r.provider_invoice_id IS NULL AND NOT s.cancel_at_period_end))
        ORDER BY s.current_period_end
        LIMIT $2
        FOR UPDATE OF s SKIP LOCKED`,
      [now, limit, DEFAULT_RENEWAL_NOTICE_DAYS],
    );
    if (rows.length === 0) return [];
    const subscriptions = await tx.getRepository(ReaderSubscription).findBy({ id: In(rows.map((row) => row.id)) });
    const byId = new Map(subscriptions.map((subscription) => [subscription.id, subscription]));
    return rows.map((row) => ({
      subscription: byId.get(row.id)!,
      noticeDays: row.notice_days,
      renewalStatus: row.renewal_status,
    }));
  }

  /** Serializes what is decided per reader and plan (one trial each) until the transaction ends. */
  async lockReaderPlan(tx: EntityManager, tenantId: string, readerKey: string, planId: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`reader-plan:${tenantId}:${readerKey}:${planId}`]);
  }

  /** Whether the reader ever had a trial of the plan (any subscription of it with a trial end, whoever billed it). */
  async hasHadTrialOf(tx: EntityManager, tenantId: string, readerKey: string, planId: string): Promise<boolean> {
    return tx
      .getRepository(ReaderSubscription)
      .createQueryBuilder('s')
      .where('s.tenant_id = :tenantId AND s.reader_key = :readerKey AND s.plan_id = :planId', {
        tenantId,
        readerKey,
        planId,
      })
      .andWhere('s.trial_end IS NOT NULL')
      .getExists();
  }

  /** A reader's subscriptions, newest first. */
  findOfReader(tenantId: string, readerKey: string): Promise<ReaderSubscription[]> {
    return this.dataSource
      .getRepository(ReaderSubscription)
      .find({ where: { tenantId, readerKey }, order: { createdAt: 'DESC' } });
  }

  /** A reader's subscriptions in any status (the entitlement rules decide), inside the caller's transaction. */
  findAllOfReader(tx: EntityManager, tenantId: string, readerKey: string): Promise<ReaderSubscription[]> {
    return tx.getRepository(ReaderSubscription).find({ where: { tenantId, readerKey } });
  }

  /**
   * When each of these subscriptions the suite bills fell due unpaid: its earliest open dunning
   * case's opening (the one that lapses first); subscriptions without one are left out.
   */
  async suiteDunningOpenedAt(
    tx: EntityManager,
    tenantId: string,
    subscriptionIds: string[],
  ): Promise<Map<string, Date>> {
    if (subscriptionIds.length === 0) return new Map();
    const rows: { subscription_id: string; opened_at: Date }[] = await tx.query(
      `SELECT subscription_id, min(opened_at) AS opened_at FROM subscriptions.dunning_cases
        WHERE tenant_id = $1 AND subscription_id = ANY($2::uuid[]) AND status = 'open' AND billed_by = 'suite'
        GROUP BY subscription_id`,
      [tenantId, subscriptionIds],
    );
    return new Map(rows.map((row) => [row.subscription_id, new Date(row.opened_at)]));
  }

  findByProviderId(
    tx: EntityManager,
    tenantId: string,
    providerSubscriptionId: string,
  ): Promise<ReaderSubscription | null> {
    return tx.getRepository(ReaderSubscription).findOne({ where: { tenantId, providerSubscriptionId } });
  }

  /**
   * Writes the subscription as the sync read it: into `existing` (which takes the new values), or
   * as a new row.
   */
  saveSynced(
    tx: EntityManager,
    existing: ReaderSubscription | null,
    key: Pick<ReaderSubscription, 'tenantId' | 'providerSubscriptionId'>,
    state: SyncedSubscriptionState,
  ): Promise<ReaderSubscription> {
    const repo = tx.getRepository(ReaderSubscription);
    return repo.save(repo.merge(existing ?? repo.create(key), state));
  }

  /** Writes a subscription the suite bills itself: a new row, or `subscription` with its new values. */
  saveBilledBySuite(
    tx: EntityManager,
    subscription: Omit<ReaderSubscription, 'createdAt' | 'updatedAt'>,
  ): Promise<ReaderSubscription> {
    return tx.getRepository(ReaderSubscription).save({ ...subscription, billedBy: 'suite' });
  }
}
