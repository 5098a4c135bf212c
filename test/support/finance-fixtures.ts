import { randomUUID } from 'node:crypto';
import {
  EventEnvelope,
  InvoicePaid,
  InvoicePaidEvent,
  JournalEntryListResponse,
  JournalEntryView,
} from '@libs/contracts';
import { eventually } from '@libs/testing';
import { createAgency, TestAgency } from './agencies';
import { Api } from './api';
import { JetStreamProbe } from './jetstream';

export interface InvoicePayment {
  invoiceId: string;
  currency: 'VND' | 'USD';
  paid: bigint;
  tax: bigint;
  fee: bigint;
  /** An instant; at 05:00 UTC it is the same day in UTC and in Hanoi. */
  paidAt: string;
}

/** An invoice payment as the subscriptions service announces it. */
export function invoicePaidEnvelope(tenantId: string, payment: InvoicePayment): EventEnvelope<InvoicePaidEvent> {
  return {
    id: randomUUID(),
    type: InvoicePaid.subject,
    source: 'subscriptions',
    tenantId,
    time: payment.paidAt,
    subject: randomUUID(),
    dataVersion: '1',
    data: {
      subscriptionId: randomUUID(),
      planId: randomUUID(),
      priceId: randomUUID(),
      providerInvoiceId: payment.invoiceId,
      providerChargeId: null,
      providerBalanceTransactionId: null,
      currency: payment.currency,
      amountPaid: payment.paid.toString(),
      tax: payment.tax.toString(),
      providerFee: payment.fee.toString(),
      servicePeriodStart: payment.paidAt,
      servicePeriodEnd: payment.paidAt,
      paidAt: payment.paidAt,
    },
  };
}

/** An agency whose chart of accounts finance has provisioned. */
export async function provisionedAgency(api: Api, operatorToken: string): Promise<TestAgency> {
  const agency = await createAgency(api, operatorToken);
  await eventually(async () =>
    expect((await agency.api.get<{ items: unknown[] }>('/v1/finance/accounts')).body.items?.length).toBeGreaterThan(0),
  );
  return agency;
}

/** Publishes the payment and waits until its entry is in the agency's journal; answers the entry. */
export async function bookPayment(
  probe: JetStreamProbe,
  agency: TestAgency,
  payment: InvoicePayment,
): Promise<JournalEntryView> {
  await probe.publish(invoicePaidEnvelope(agency.tenantId, payment));
  return eventually(async () => {
    const journal = await agency.api.get<JournalEntryListResponse>('/v1/finance/journal-entries?limit=100');
    const entry = journal.body.items?.find((e) => e.sourceKey === `invoice-paid:${payment.invoiceId}`);
    expect(entry).toBeDefined();
    return entry!;
  });
}

/** A payment of `paid` with no tax and no fee: two postings, Stripe balance and deferred revenue. */
export function plainPayment(paid: bigint, paidOn: string, currency: 'VND' | 'USD' = 'VND'): InvoicePayment {
  return { invoiceId: `in_${randomUUID()}`, currency, paid, tax: 0n, fee: 0n, paidAt: `${paidOn}T05:00:00.000Z` };
}
