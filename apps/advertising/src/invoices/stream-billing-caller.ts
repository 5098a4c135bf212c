import { randomUUID } from 'node:crypto';
import type { Caller } from '@libs/common';
import { SERVICE_ROLES } from '@libs/contracts';

/** Advertising itself asking payments for an invoice's money or giving it back (not the person who approved or canceled). */
export function streamBillingCaller(tenantId: string, invoiceId: string, requestId: string = randomUUID()): Caller {
  return {
    tenantId,
    actor: `advertising:invoice:${invoiceId}`,
    roles: [SERVICE_ROLES.streamBilling],
    requestId,
  };
}
