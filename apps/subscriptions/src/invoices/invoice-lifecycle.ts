import type { InvoiceStatus } from '@libs/contracts';
import type { ProviderInvoice } from '../payments/provider-billing';
import type { Invoice } from './invoice.entity';

/** What the suite keeps of an invoice (the row without its keys and bookkeeping). */
export type InvoiceRecord = Omit<
  Invoice,
  | 'tenantId'
  | 'providerInvoiceId'
  | 'id'
  | 'subscriptionId'
  | 'paymentId'
  | 'payPageUrl'
  | 'tokenChargeAttemptedAt'
  | 'proration'
  | 'creditApplied'
  | 'recordedAt'
>;

/** Money facts for finance that a change of the record makes true for the first time. */
export interface InvoiceFacts {
  finalized: boolean;
  paid: boolean;
  writtenOff: 'void' | 'uncollectible' | null;
}

export interface InvoiceAdvance {
  record: InvoiceRecord;
  facts: InvoiceFacts;
}

/** Open first; uncollectible may still be paid or voided; paid and void are final. */
const STAGE: Record<InvoiceStatus, number> = { open: 0, uncollectible: 1, paid: 2, void: 2 };
const WRITTEN_OFF: ReadonlySet<InvoiceStatus> = new Set(['void', 'uncollectible']);

/**
 * Brings what we recorded of an invoice forward to what the provider says now. A reading that is
 * behind ours (notifications handled late or concurrently) changes nothing, so an invoice never moves
 * backwards; each fact comes out once, on the change that makes it true. Zero amounts (a trial's
 * invoice) are recorded but are no money facts. Null for a draft: nothing is billed yet.
 */
export function advanceInvoice(current: InvoiceRecord | null, remote: ProviderInvoice): InvoiceAdvance | null {
  if (remote.status === 'draft') return null;
  const status = remote.status;
  if (current && STAGE[status] <= STAGE[current.status]) return null;
  const next: InvoiceRecord = {
    status,
    currency: current?.currency ?? remote.currency,
    amountDue: current?.amountDue ?? remote.amountDue.toString(),
    amountPaid: remote.amountPaid.toString(),
    tax: current?.tax ?? remote.tax.toString(),
    providerFee: remote.fee.toString(),
    providerChargeId: remote.chargeId ?? current?.providerChargeId ?? null,
    providerBalanceTransactionId: remote.balanceTransactionId ?? current?.providerBalanceTransactionId ?? null,
    periodStart: current?.periodStart ?? remote.periodStart,
    periodEnd: current?.periodEnd ?? remote.periodEnd,
    dueDate: current?.dueDate ?? remote.dueDate,
    finalizedAt: current?.finalizedAt ?? finalizedAtOf(remote),
    paidAt: remote.paidAt ?? current?.paidAt ?? null,
    voidedAt: remote.voidedAt ?? current?.voidedAt ?? null,
    markedUncollectibleAt: remote.markedUncollectibleAt ?? current?.markedUncollectibleAt ?? null,
  };
  return { record: next, facts: factsOf(current, next) };
}

/** What the invoice no longer expects to collect, tax included. */
export function amountWrittenOff(record: InvoiceRecord): bigint {
  const left = BigInt(record.amountDue) - BigInt(record.amountPaid);
  return left > 0n ? left : 0n;
}

function factsOf(before: InvoiceRecord | null, after: InvoiceRecord): InvoiceFacts {
  const billed = BigInt(after.amountDue) > 0n;
  const wasWrittenOff = before !== null && WRITTEN_OFF.has(before.status);
  return {
    finalized: billed && !before?.finalizedAt && after.finalizedAt !== null,
    paid: BigInt(after.amountPaid) > 0n && before?.status !== 'paid' && after.status === 'paid',
    writtenOff:
      WRITTEN_OFF.has(after.status) && !wasWrittenOff && amountWrittenOff(after) > 0n
        ? (after.status as 'void' | 'uncollectible')
        : null,
  };
}

/** A finalized invoice has a finalization instant; should the provider not say, the first later one stands in. */
function finalizedAtOf(remote: ProviderInvoice): Date | null {
  return remote.finalizedAt ?? remote.paidAt ?? remote.markedUncollectibleAt ?? remote.voidedAt;
}
