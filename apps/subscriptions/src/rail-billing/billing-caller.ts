import type { Caller } from '@libs/common';
import { SERVICE_ROLES } from '@libs/contracts';

/** Subscriptions itself asking payments for an invoice's money (not the reader or the page that checked out). */
export function billingCaller(tenantId: string, invoiceId: string, requestId: string): Caller {
  return {
    tenantId,
    actor: `subscriptions:invoice:${invoiceId}`,
    roles: [SERVICE_ROLES.streamBilling],
    requestId,
  };
}
