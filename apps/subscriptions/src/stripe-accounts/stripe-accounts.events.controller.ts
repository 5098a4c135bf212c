import { Controller } from '@nestjs/common';
import { ConsumesEvent, EventTransaction } from '@libs/common';
import { EventEnvelope, StripeAccountConfigured, StripeAccountConfiguredEvent } from '@libs/contracts';
import { StripeAccountsService } from './stripe-accounts.service';

/** Which agencies bill on Stripe, as payments announces their accounts. */
@Controller()
export class StripeAccountsEventsController {
  constructor(private readonly accounts: StripeAccountsService) {}

  @ConsumesEvent(StripeAccountConfigured)
  onConfigured(event: EventEnvelope<StripeAccountConfiguredEvent>, tx: EventTransaction): Promise<void> {
    return this.accounts.recordConfigured(tx, event.tenantId, event.data);
  }
}
