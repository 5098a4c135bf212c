import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  ConversionListResponse,
  decodeCheckoutReference,
  InvoicePaidEvent,
  ListConversionsRequest,
  SubscriptionChangedEvent,
} from '@libs/contracts';
import { ExperimentArmCountsRepository } from '../experiments/experiment-arm-counts.repository';
import { ExperimentRepository } from '../experiments/experiment.repository';
import { ConversionRepository } from './conversion.repository';
import { SubscriptionPaymentRepository } from './subscription-payment.repository';

const CONVERTED = new Set(['active', 'trialing']);

/**
 * Attribution: a subscription whose checkout carried a paywall decision's reference is a
 * conversion of that article, offer and experiment arm, recorded once (the inbox makes a
 * redelivery a no-op; the key makes a later status change one too). Paid invoices of such
 * subscriptions add to the arm's revenue.
 */
@Injectable()
export class ConversionsService {
  constructor(
    private readonly conversions: ConversionRepository,
    private readonly payments: SubscriptionPaymentRepository,
    private readonly experiments: ExperimentRepository,
    private readonly armCounts: ExperimentArmCountsRepository,
  ) {}

  async recordConversion(
    tx: EntityManager,
    tenantId: string,
    change: SubscriptionChangedEvent,
    at: string,
  ): Promise<void> {
    const { subscriptionId, planId, status, reference } = change;
    if (!CONVERTED.has(status)) return;
    const attribution = decodeCheckoutReference(reference);
    if (!attribution) return;
    await this.conversions.lockSubscription(tx, tenantId, subscriptionId);
    // Only this agency's experiment and arm count; a reference naming anything else keeps the article alone.
    const experiment = attribution.experimentId
      ? await this.experiments.findOfTenant(tx, tenantId, attribution.experimentId)
      : null;
    const arm = experiment && attribution.arm !== null ? (experiment.arms[attribution.arm]?.name ?? null) : null;
    const inserted = await this.conversions.insertIfNew(tx, {
      tenantId,
      subscriptionId,
      planId,
      articleId: attribution.articleId,
      offerId: attribution.offerId,
      experimentId: arm ? experiment!.id : null,
      arm,
      convertedAt: at,
    });
    if (!inserted) return;
    // Invoices paid before this fact arrived: in the first currency paid.
    const paid = await this.payments.findRevenueInFirstCurrency(tx, tenantId, subscriptionId);
    if (paid?.revenue) await this.conversions.setRevenue(tx, tenantId, subscriptionId, paid.revenue, paid.currency);
    if (!arm) return;
    await this.armCounts.addConversion(tx, tenantId, experiment!.id, arm);
    if (paid?.revenue) await this.armCounts.addRevenue(tx, tenantId, experiment!.id, arm, paid.revenue, paid.currency);
  }

  async addRevenue(tx: EntityManager, tenantId: string, paid: InvoicePaidEvent): Promise<void> {
    const { subscriptionId, amountPaid, currency, providerInvoiceId } = paid;
    await this.conversions.lockSubscription(tx, tenantId, subscriptionId);
    const stored = await this.payments.insertIfNew(tx, {
      tenantId,
      providerInvoiceId,
      subscriptionId,
      amount: amountPaid,
      currency,
    });
    if (!stored) return;
    // Revenue is kept in one currency per conversion and arm (the first paid in); others are not mixed in.
    const conversion = await this.conversions.addRevenue(tx, tenantId, subscriptionId, amountPaid, currency);
    if (!conversion?.experiment_id || !conversion.arm) return;
    await this.armCounts.addRevenue(tx, tenantId, conversion.experiment_id, conversion.arm, amountPaid, currency);
  }

  async list(tenantId: string, request: ListConversionsRequest): Promise<ConversionListResponse> {
    const rows = await this.conversions.findPageOfTenant(
      tenantId,
      request.from ? new Date(request.from) : null,
      request.to ? new Date(request.to) : null,
    );
    return {
      items: rows.map((row) => ({
        subscriptionId: row.subscriptionId,
        planId: row.planId,
        articleId: row.articleId,
        offerId: row.offerId,
        experimentId: row.experimentId,
        arm: row.arm,
        revenue: row.revenue,
        currency: row.currency,
        convertedAt: row.convertedAt.toISOString(),
      })),
    };
  }
}
