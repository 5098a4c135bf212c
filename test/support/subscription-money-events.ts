import { randomUUID } from 'node:crypto';
import {
  ChargeRefunded,
  DisputeClosed,
  DisputeOpened,
  EventEnvelope,
  GiftExpired,
  GiftPurchased,
  GiftRedeemed,
  InvoiceFinalized,
  InvoicePaid,
  InvoiceVoided,
} from '@libs/contracts';
import { envelopeOf } from './finance-events';

/** One subscription invoice as the subscriptions service would tell finance about it (VND unless said). */
export interface TestInvoice {
  tenantId: string;
  invoiceId: string;
  chargeId: string;
  amount: bigint;
  tax: bigint;
  fee: bigint;
  currency?: string;
  /** Service period, instants. */
  start: string;
  end: string;
  /** When it was billed and paid. */
  at: string;
  /** Set for an invoice the suite bills and a payment on a rail paid (`suite:<id>`): no charge, no fee. */
  paymentId?: string;
}

export function makeInvoice(tenantId: string, overrides: Partial<TestInvoice> = {}): TestInvoice {
  return {
    tenantId,
    invoiceId: `in_${randomUUID()}`,
    chargeId: `ch_${randomUUID()}`,
    amount: 99_000n,
    tax: 9_000n,
    fee: 3_366n,
    // 1 to 31 October 2026 in Hanoi: 30 days.
    start: '2026-09-30T17:00:00.000Z',
    end: '2026-10-30T17:00:00.000Z',
    at: '2026-09-30T17:05:00.000Z',
    ...overrides,
  };
}

const ids = {
  subscriptionId: '6f1c7a52-3c3e-4a55-9a0e-3f9a6c1d2b01',
  planId: '6f1c7a52-3c3e-4a55-9a0e-3f9a6c1d2b02',
  priceId: '6f1c7a52-3c3e-4a55-9a0e-3f9a6c1d2b03',
};

export function finalized(invoice: TestInvoice): EventEnvelope<unknown> {
  return envelopeOf(
    InvoiceFinalized,
    invoice.tenantId,
    {
      ...ids,
      providerInvoiceId: invoice.invoiceId,
      currency: invoice.currency ?? 'VND',
      amountDue: invoice.amount.toString(),
      tax: invoice.tax.toString(),
      servicePeriodStart: invoice.start,
      servicePeriodEnd: invoice.end,
      dueDate: null,
      finalizedAt: invoice.at,
    },
    invoice.at,
  );
}

export function paid(invoice: TestInvoice, paidAt = invoice.at): EventEnvelope<unknown> {
  return envelopeOf(
    InvoicePaid,
    invoice.tenantId,
    {
      ...ids,
      providerInvoiceId: invoice.invoiceId,
      providerChargeId: invoice.paymentId ? null : invoice.chargeId,
      providerBalanceTransactionId: null,
      currency: invoice.currency ?? 'VND',
      amountPaid: invoice.amount.toString(),
      tax: invoice.tax.toString(),
      providerFee: invoice.paymentId ? '0' : invoice.fee.toString(),
      servicePeriodStart: invoice.start,
      servicePeriodEnd: invoice.end,
      paidAt,
      paymentId: invoice.paymentId ?? null,
    },
    paidAt,
  );
}

export function voided(
  invoice: TestInvoice,
  voidedAt: string,
  reason: 'void' | 'uncollectible' = 'void',
): EventEnvelope<unknown> {
  return envelopeOf(
    InvoiceVoided,
    invoice.tenantId,
    {
      ...ids,
      providerInvoiceId: invoice.invoiceId,
      currency: invoice.currency ?? 'VND',
      amount: invoice.amount.toString(),
      tax: invoice.tax.toString(),
      reason,
      servicePeriodStart: invoice.start,
      servicePeriodEnd: invoice.end,
      voidedAt,
    },
    voidedAt,
  );
}

export function refunded(
  invoice: TestInvoice,
  amount: bigint,
  refundedAt: string,
  refundId = `re_${randomUUID()}`,
): EventEnvelope<unknown> {
  return envelopeOf(
    ChargeRefunded,
    invoice.tenantId,
    {
      providerRefundId: refundId,
      providerChargeId: invoice.chargeId,
      providerBalanceTransactionId: null,
      subscriptionId: ids.subscriptionId,
      currency: invoice.currency ?? 'VND',
      amount: amount.toString(),
      refundedAt,
    },
    refundedAt,
  );
}

export function disputeOpened(
  invoice: TestInvoice,
  disputeId: string,
  amount: bigint,
  fee: bigint,
  openedAt: string,
): EventEnvelope<unknown> {
  return envelopeOf(
    DisputeOpened,
    invoice.tenantId,
    {
      providerDisputeId: disputeId,
      providerChargeId: invoice.chargeId,
      subscriptionId: ids.subscriptionId,
      currency: invoice.currency ?? 'VND',
      amount: amount.toString(),
      providerFee: fee.toString(),
      openedAt,
    },
    openedAt,
  );
}

export function disputeClosed(
  invoice: TestInvoice,
  disputeId: string,
  amount: bigint,
  outcome: 'won' | 'lost',
  closedAt: string,
): EventEnvelope<unknown> {
  return envelopeOf(
    DisputeClosed,
    invoice.tenantId,
    {
      providerDisputeId: disputeId,
      providerChargeId: invoice.chargeId,
      subscriptionId: ids.subscriptionId,
      currency: invoice.currency ?? 'VND',
      amount: amount.toString(),
      outcome,
      closedAt,
    },
    closedAt,
  );
}

export interface TestGift {
  tenantId: string;
  giftId: string;
  productId: string;
  chargeId: string;
  checkoutId: string | null;
  paid: bigint;
  tax: bigint;
  fee: bigint;
  /** Set for a gift a payment on a rail paid: no checkout, no charge, no fee. */
  paymentId?: string;
}

export function makeGift(tenantId: string, overrides: Partial<TestGift> = {}): TestGift {
  return {
    tenantId,
    giftId: randomUUID(),
    productId: randomUUID(),
    chargeId: `ch_${randomUUID()}`,
    checkoutId: `cs_${randomUUID()}`,
    paid: 330_000n,
    tax: 30_000n,
    fee: 9_900n,
    ...overrides,
  };
}

const giftIds = { planId: ids.planId, months: 3 };

export function giftPurchased(gift: TestGift, paidAt: string): EventEnvelope<unknown> {
  return envelopeOf(
    GiftPurchased,
    gift.tenantId,
    {
      giftId: gift.giftId,
      ...giftIds,
      priceId: ids.priceId,
      productId: gift.productId,
      currency: 'VND',
      amountPaid: gift.paid.toString(),
      tax: gift.tax.toString(),
      ...(gift.paymentId
        ? {
            providerFee: '0',
            providerCheckoutId: null,
            providerPaymentIntentId: null,
            providerChargeId: null,
            paymentId: gift.paymentId,
          }
        : {
            providerFee: gift.fee.toString(),
            providerCheckoutId: gift.checkoutId ?? 'cs_none',
            providerPaymentIntentId: `pi_${gift.giftId}`,
            providerChargeId: gift.chargeId,
          }),
      providerBalanceTransactionId: null,
      paidAt,
    },
    paidAt,
  );
}

export function giftRedeemed(gift: TestGift, start: string, end: string): EventEnvelope<unknown> {
  return envelopeOf(
    GiftRedeemed,
    gift.tenantId,
    {
      giftId: gift.giftId,
      ...giftIds,
      productId: gift.productId,
      providerCheckoutId: gift.paymentId ? null : gift.checkoutId,
      paymentId: gift.paymentId ?? null,
      redeemedAt: start,
      servicePeriodStart: start,
      servicePeriodEnd: end,
    },
    start,
  );
}

export function giftExpired(gift: TestGift, expiredAt: string): EventEnvelope<unknown> {
  return envelopeOf(
    GiftExpired,
    gift.tenantId,
    {
      giftId: gift.giftId,
      ...giftIds,
      productId: gift.productId,
      providerCheckoutId: gift.paymentId ? null : gift.checkoutId,
      paymentId: gift.paymentId ?? null,
      expiredAt,
    },
    expiredAt,
  );
}
