import { Controller } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConsumesEvent } from '@libs/common';
import {
  decodeCheckoutReference,
  EventEnvelope,
  InvoicePaid,
  InvoicePaidEvent,
  SubscriptionChanged,
  SubscriptionChangedEvent,
} from '@libs/contracts';
import { Experiment } from '../experiments/experiment.entity';

const CONVERTED = new Set(['active', 'trialing']);

/**
 * Attribution: a subscription whose checkout carried a paywall decision's reference is a
 * conversion of that article, offer and experiment arm, recorded once (the inbox makes a
 * redelivery a no-op; the key makes a later status change one too). Paid invoices of such
 * subscriptions add to the arm's revenue.
 */
@Controller()
export class ConversionsEventsController {
  @ConsumesEvent(SubscriptionChanged)
  async recordConversion(event: EventEnvelope<SubscriptionChangedEvent>, tx: EntityManager): Promise<void> {
    const { subscriptionId, planId, status, reference } = event.data;
    if (!CONVERTED.has(status)) return;
    const attribution = decodeCheckoutReference(reference);
    if (!attribution) return;
    await lockSubscription(tx, event.tenantId, subscriptionId);
    // Only this agency's experiment and arm count; a reference naming anything else keeps the article alone.
    const experiment = attribution.experimentId
      ? await tx
          .getRepository(Experiment)
          .findOne({ where: { tenantId: event.tenantId, id: attribution.experimentId } })
      : null;
    const arm = experiment && attribution.arm !== null ? (experiment.arms[attribution.arm]?.name ?? null) : null;
    const inserted: unknown[] = await tx.query(
      `INSERT INTO paywall.conversions (tenant_id, subscription_id, plan_id, article_id, offer_id, experiment_id, arm, converted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING subscription_id`,
      [
        event.tenantId,
        subscriptionId,
        planId,
        attribution.articleId,
        attribution.offerId,
        arm ? experiment!.id : null,
        arm,
        event.time,
      ],
    );
    if (inserted.length === 0) return;
    // Invoices paid before this fact arrived: in the first currency paid.
    const [paid]: { revenue: string; currency: string }[] = await tx.query(
      `SELECT SUM(amount)::text AS revenue, currency FROM paywall.subscription_payments
        WHERE tenant_id = $1 AND subscription_id = $2
          AND currency = (SELECT currency FROM paywall.subscription_payments WHERE tenant_id = $1 AND subscription_id = $2 ORDER BY provider_invoice_id LIMIT 1)
        GROUP BY currency`,
      [event.tenantId, subscriptionId],
    );
    if (paid?.revenue) {
      await tx.query(
        `UPDATE paywall.conversions SET revenue = $3::bigint, currency = $4 WHERE tenant_id = $1 AND subscription_id = $2`,
        [event.tenantId, subscriptionId, paid.revenue, paid.currency],
      );
    }
    if (!arm) return;
    await tx.query(
      `INSERT INTO paywall.experiment_arm_counts (tenant_id, experiment_id, arm, conversions) VALUES ($1, $2, $3, 1)
       ON CONFLICT (experiment_id, arm) DO UPDATE SET conversions = paywall.experiment_arm_counts.conversions + 1`,
      [event.tenantId, experiment!.id, arm],
    );
    if (paid?.revenue) await addArmRevenue(tx, event.tenantId, experiment!.id, arm, paid.revenue, paid.currency!);
  }

  @ConsumesEvent(InvoicePaid)
  async addRevenue(event: EventEnvelope<InvoicePaidEvent>, tx: EntityManager): Promise<void> {
    const { subscriptionId, amountPaid, currency, providerInvoiceId } = event.data;
    await lockSubscription(tx, event.tenantId, subscriptionId);
    const stored: unknown[] = await tx.query(
      `INSERT INTO paywall.subscription_payments (tenant_id, provider_invoice_id, subscription_id, amount, currency) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING provider_invoice_id`,
      [event.tenantId, providerInvoiceId, subscriptionId, amountPaid, currency],
    );
    if (stored.length === 0) return;
    // Revenue is kept in one currency per conversion and arm (the first paid in); others are not mixed in.
    // TypeORM answers an UPDATE with [rows, count].
    const [updated]: [{ experiment_id: string | null; arm: string | null }[], number] = await tx.query(
      `UPDATE paywall.conversions SET revenue = revenue + $3::bigint, currency = $4
        WHERE tenant_id = $1 AND subscription_id = $2 AND (currency IS NULL OR currency = $4)
        RETURNING experiment_id, arm`,
      [event.tenantId, subscriptionId, amountPaid, currency],
    );
    const conversion = updated[0];
    if (!conversion?.experiment_id || !conversion.arm) return;
    await addArmRevenue(tx, event.tenantId, conversion.experiment_id, conversion.arm, amountPaid, currency);
  }
}

/** The two facts of one subscription are applied one after the other, so neither misses the other. */
async function lockSubscription(tx: EntityManager, tenantId: string, subscriptionId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`paywall-conversion:${tenantId}:${subscriptionId}`]);
}

async function addArmRevenue(
  tx: EntityManager,
  tenantId: string,
  experimentId: string,
  arm: string,
  amount: string,
  currency: string,
): Promise<void> {
  await tx.query(
    `UPDATE paywall.experiment_arm_counts SET revenue = revenue + $4::bigint, currency = $5
      WHERE tenant_id = $1 AND experiment_id = $2 AND arm = $3 AND (currency IS NULL OR currency = $5)`,
    [tenantId, experimentId, arm, amount, currency],
  );
}
