import { Controller } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConsumesEvent, ConsumesEventsInBatches, parseMinorUnits } from '@libs/common';
import {
  DeliveryRecorded,
  DeliveryRecordedEvent,
  EventEnvelope,
  InvoicePaid,
  InvoicePaidEvent,
  RevenueStream,
  UsageCharged,
  UsageChargedEvent,
} from '@libs/contracts';
import { postingDateOf } from '../calendar/posting-date';
import { AgencyCalendar } from '../calendar/agency-calendar';
import { ArticleRevenue } from './article-revenue.entity';

/** What each article earned, recorded in the transactions that book these events (beside the bookkeeping's handlers). */
@Controller()
export class ArticleRevenueEventsController {
  constructor(private readonly calendar: AgencyCalendar) {}

  /** In the bookkeeping's batches of paid invoices. */
  @ConsumesEventsInBatches(InvoicePaid, { maxBatch: 1000, inFlight: 2 })
  async recordSubscriptionPayments(events: EventEnvelope<InvoicePaidEvent>[], tx: EntityManager): Promise<void> {
    const timeZones = await this.calendar.timeZonesOf(
      tx,
      events.map((event) => event.tenantId),
    );
    const rows = events.map((event) => ({
      ...event.data,
      tenantId: event.tenantId,
      day: postingDateOf(event.data.paidAt, timeZones.get(event.tenantId)),
      amount: (parseMinorUnits(event.data.amountPaid) - parseMinorUnits(event.data.tax)).toString(),
    }));
    await tx.query(
      `INSERT INTO finance.subscription_payments (tenant_id, provider_invoice_id, subscription_id, currency, amount, day)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::bigint[], $6::date[])
       ON CONFLICT DO NOTHING`,
      [
        rows.map((r) => r.tenantId),
        rows.map((r) => r.providerInvoiceId),
        rows.map((r) => r.subscriptionId),
        rows.map((r) => r.currency),
        rows.map((r) => r.amount),
        rows.map((r) => r.day),
      ],
    );
  }

  /** A usage's net amount split over its articles in whole minor units; the first ones take the remainder. */
  @ConsumesEvent(UsageCharged)
  async recordUsage(event: EventEnvelope<UsageChargedEvent>, tx: EntityManager): Promise<void> {
    const { usageId, articleIds, currency, chargedAt } = event.data;
    const articles = [...new Set(articleIds)];
    const net = parseMinorUnits(event.data.amount) - parseMinorUnits(event.data.tax);
    const [share, remainder] = [net / BigInt(articles.length), net % BigInt(articles.length)];
    const day = await this.calendar.dayOf(tx, event.tenantId, chargedAt);
    await this.record(
      tx,
      event.tenantId,
      `usage:${usageId}`,
      'licensing',
      currency,
      day,
      articles.map((articleId, at) => ({ articleId, amount: share + (BigInt(at) < remainder ? 1n : 0n) })),
    );
  }

  @ConsumesEvent(DeliveryRecorded)
  async recordDelivery(event: EventEnvelope<DeliveryRecordedEvent>, tx: EntityManager): Promise<void> {
    const { bookingId, day, currency, articles } = event.data;
    if (!articles?.length) return;
    await this.record(
      tx,
      event.tenantId,
      `delivery:${bookingId}:${day}`,
      'advertising',
      currency,
      day,
      articles.map((article) => ({ articleId: article.articleId, amount: parseMinorUnits(article.amount) })),
    );
  }

  private async record(
    tx: EntityManager,
    tenantId: string,
    factKey: string,
    stream: RevenueStream,
    currency: string,
    day: string,
    earned: { articleId: string; amount: bigint }[],
  ): Promise<void> {
    const rows = earned
      .filter((e) => e.amount !== 0n)
      .map((e) => ({ tenantId, factKey, articleId: e.articleId, stream, currency, amount: String(e.amount), day }));
    if (rows.length > 0) await tx.createQueryBuilder().insert().into(ArticleRevenue).values(rows).orIgnore().execute();
  }
}
