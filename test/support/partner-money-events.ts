import { randomUUID } from 'node:crypto';
import {
  AgreementActivated,
  BookingCanceled,
  BookingInvoiced,
  BookingPaid,
  DeliveryRecorded,
  EventEnvelope,
  MakeGoodCredited,
  StatementIssued,
  UsageCharged,
} from '@libs/contracts';
import { envelopeOf } from './finance-events';

/** A booking as advertising would tell finance about it: 11,000,000 VND with 1,000,000 VAT, a 10-day flight from 1 October (Hanoi). */
export interface TestBooking {
  tenantId: string;
  bookingId: string;
  advertiserId: string;
  siteId: string;
  adUnitId: string;
}

export function makeBooking(tenantId: string): TestBooking {
  return {
    tenantId,
    bookingId: randomUUID(),
    advertiserId: randomUUID(),
    siteId: randomUUID(),
    adUnitId: randomUUID(),
  };
}

/** `product`: what a takeover's line or a sponsored article adds (`roadblockId`, `sponsoredArticle`, a `pricingModel`). */
export function bookingInvoiced(
  b: TestBooking,
  amount = 11_000_000n,
  tax = 1_000_000n,
  product: Record<string, unknown> = {},
): EventEnvelope<unknown> {
  const invoicedAt = '2026-09-28T03:00:00.000Z';
  return envelopeOf(
    BookingInvoiced,
    b.tenantId,
    {
      bookingId: b.bookingId,
      advertiserId: b.advertiserId,
      siteId: b.siteId,
      adUnitId: b.adUnitId,
      pricingModel: 'cpm',
      currency: 'VND',
      amount: amount.toString(),
      tax: tax.toString(),
      flightStart: '2026-09-30T17:00:00.000Z',
      flightEnd: '2026-10-10T17:00:00.000Z',
      invoicedAt,
      ...product,
    },
    invoicedAt,
  );
}

export function bookingPaid(
  b: TestBooking,
  amount: bigint,
  paidTo: 'bank' | 'stripe' | 'rail',
  paidAt: string,
  paymentId = randomUUID(),
): EventEnvelope<unknown> {
  return envelopeOf(
    BookingPaid,
    b.tenantId,
    {
      paymentId,
      bookingId: b.bookingId,
      advertiserId: b.advertiserId,
      currency: 'VND',
      amount: amount.toString(),
      paidTo,
      paidAt,
    },
    paidAt,
  );
}

/** Advertising canceled the booking: what it credits (and of it the VAT), the penalty it keeps and what was delivered. */
export function bookingCanceled(
  b: TestBooking,
  settled: { credited: bigint; creditedTax: bigint; penalty: bigint; delivered: bigint },
  canceledAt: string,
): EventEnvelope<unknown> {
  return envelopeOf(
    BookingCanceled,
    b.tenantId,
    {
      bookingId: b.bookingId,
      advertiserId: b.advertiserId,
      currency: 'VND',
      credited: settled.credited.toString(),
      creditedTax: settled.creditedTax.toString(),
      penalty: settled.penalty.toString(),
      delivered: settled.delivered.toString(),
      reason: 'the advertiser changed its plans',
      canceledAt,
    },
    canceledAt,
  );
}

export function deliveryRecorded(
  b: TestBooking,
  day: string,
  amount: bigint,
  impressions = 100_000,
  articles?: { articleId: string; amount: string }[],
): EventEnvelope<unknown> {
  return envelopeOf(
    DeliveryRecorded,
    b.tenantId,
    { bookingId: b.bookingId, day, impressions, currency: 'VND', amount: amount.toString(), articles },
    `${day}T16:00:00.000Z`,
  );
}

export function makeGoodCredited(
  b: TestBooking,
  amount: bigint,
  creditedAt: string,
  makeGoodId = randomUUID(),
): EventEnvelope<unknown> {
  return envelopeOf(
    MakeGoodCredited,
    b.tenantId,
    {
      makeGoodId,
      bookingId: b.bookingId,
      currency: 'VND',
      amount: amount.toString(),
      reason: 'under-delivery on the home page',
      creditedAt,
    },
    creditedAt,
  );
}

export interface TestAgreement {
  tenantId: string;
  agreementId: string;
  licenseeId: string;
}

export function makeAgreement(tenantId: string): TestAgreement {
  return { tenantId, agreementId: randomUUID(), licenseeId: randomUUID() };
}

/** 33,000,000 VND with 3,000,000 VAT for calendar 2026 in Hanoi (365 days). */
export function agreementActivated(a: TestAgreement): EventEnvelope<unknown> {
  const activatedAt = '2025-12-31T17:00:00.000Z';
  return envelopeOf(
    AgreementActivated,
    a.tenantId,
    {
      agreementId: a.agreementId,
      licenseeId: a.licenseeId,
      currency: 'VND',
      flatFee: '33000000',
      tax: '3000000',
      termStart: activatedAt,
      termEnd: '2026-12-31T17:00:00.000Z',
      activatedAt,
    },
    activatedAt,
  );
}

export function usageCharged(a: TestAgreement, usageId: string, chargedAt: string): EventEnvelope<unknown> {
  return envelopeOf(
    UsageCharged,
    a.tenantId,
    {
      usageId,
      agreementId: a.agreementId,
      licenseeId: a.licenseeId,
      articleIds: ['bai-1', 'bai-2'],
      currency: 'VND',
      amount: '1100000',
      tax: '100000',
      chargedAt,
    },
    chargedAt,
  );
}

export function statementIssued(a: TestAgreement, statementId: string, issuedAt: string): EventEnvelope<unknown> {
  return envelopeOf(
    StatementIssued,
    a.tenantId,
    {
      statementId,
      agreementId: a.agreementId,
      licenseeId: a.licenseeId,
      periodStart: '2026-01-01',
      periodEnd: '2026-03-31',
      currency: 'VND',
      royaltiesDue: '250000',
      issuedAt,
    },
    issuedAt,
  );
}
