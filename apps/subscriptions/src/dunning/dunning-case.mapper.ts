import type { DunningCaseView } from '@libs/contracts';
import type { DunningCase } from './dunning-case.entity';

export function toDunningCaseView(dunningCase: DunningCase): DunningCaseView {
  return {
    id: dunningCase.id,
    invoiceId: dunningCase.invoiceId,
    providerInvoiceId: dunningCase.providerInvoiceId,
    subscriptionId: dunningCase.subscriptionId,
    readerKey: dunningCase.readerKey,
    status: dunningCase.status,
    currency: dunningCase.currency,
    amountDue: dunningCase.amountDue,
    openedAt: dunningCase.openedAt.toISOString(),
    retryDays: dunningCase.retryDays,
    attemptsMade: dunningCase.attemptsMade,
    nextRetryAt: dunningCase.nextRetryAt?.toISOString() ?? null,
    lastFailure: dunningCase.lastFailure,
    closedAt: dunningCase.closedAt?.toISOString() ?? null,
    closedReason: dunningCase.closedReason,
    finalAction: dunningCase.finalAction,
    latePaymentId: dunningCase.latePaymentId,
  };
}
