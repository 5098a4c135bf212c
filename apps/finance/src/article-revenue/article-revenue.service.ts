import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { parseMinorUnits } from '@libs/common';
import {
  DeliveryRecordedEvent,
  EventEnvelope,
  InvoicePaidEvent,
  RevenueStream,
  UsageChargedEvent,
} from '@libs/contracts';
import { AgencyCalendar } from '../calendar/agency-calendar';
import { postingDateOf } from '../calendar/posting-date';
import { ArticleRevenueRepository } from './article-revenue.repository';

/**
 * What each article earned, recorded in the transactions that book these facts: subscription
 * payments (counted for the article of the subscription's checkout), licence usages (split over
 * the articles used) and days of ads on articles' pages.
 */
@Injectable()
export class ArticleRevenueService {
  constructor(
    private readonly articleRevenue: ArticleRevenueRepository,
    private readonly calendar: AgencyCalendar,
  ) {}

  /** A batch of paid invoices, tax excluded, on their agency-local days, in one statement. */
  async recordSubscriptionPayments(tx: EntityManager, events: EventEnvelope<InvoicePaidEvent>[]): Promise<void> {
    const timeZones = await this.calendar.timeZonesOf(
      tx,
      events.map((event) => event.tenantId),
    );
    await this.articleRevenue.insertSubscriptionPayments(
      tx,
      events.map((event) => ({
        tenantId: event.tenantId,
        providerInvoiceId: event.data.providerInvoiceId,
        subscriptionId: event.data.subscriptionId,
        currency: event.data.currency,
        amount: (parseMinorUnits(event.data.amountPaid) - parseMinorUnits(event.data.tax)).toString(),
        day: postingDateOf(event.data.paidAt, timeZones.get(event.tenantId)),
      })),
    );
  }

  /** A usage's net amount split over its articles in whole minor units; the first ones take the remainder. */
  async recordUsage(tx: EntityManager, event: EventEnvelope<UsageChargedEvent>): Promise<void> {
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

  async recordDelivery(tx: EntityManager, event: EventEnvelope<DeliveryRecordedEvent>): Promise<void> {
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
    if (rows.length > 0) await this.articleRevenue.insertUnlessRecorded(tx, rows);
  }
}
