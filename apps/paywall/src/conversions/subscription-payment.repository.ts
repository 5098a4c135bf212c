import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { SubscriptionPayment } from './subscription-payment.entity';

/** Paid invoices of subscriptions, kept so revenue reaches a conversion whichever fact comes first. */
@Injectable()
export class SubscriptionPaymentRepository {
  /** Records the payment unless it is recorded already; true when recorded. */
  async insertIfNew(tx: EntityManager, payment: SubscriptionPayment): Promise<boolean> {
    const stored: unknown[] = await tx.query(
      `INSERT INTO paywall.subscription_payments (tenant_id, provider_invoice_id, subscription_id, amount, currency) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING provider_invoice_id`,
      [payment.tenantId, payment.providerInvoiceId, payment.subscriptionId, payment.amount, payment.currency],
    );
    return stored.length > 0;
  }

  /** What the subscription's invoices paid so far, in the currency of the first one (by invoice id). */
  async findRevenueInFirstCurrency(
    tx: EntityManager,
    tenantId: string,
    subscriptionId: string,
  ): Promise<{ revenue: string; currency: string } | undefined> {
    const [paid]: { revenue: string; currency: string }[] = await tx.query(
      `SELECT SUM(amount)::text AS revenue, currency FROM paywall.subscription_payments
        WHERE tenant_id = $1 AND subscription_id = $2
          AND currency = (SELECT currency FROM paywall.subscription_payments WHERE tenant_id = $1 AND subscription_id = $2 ORDER BY provider_invoice_id LIMIT 1)
        GROUP BY currency`,
      [tenantId, subscriptionId],
    );
    return paid;
  }
}
