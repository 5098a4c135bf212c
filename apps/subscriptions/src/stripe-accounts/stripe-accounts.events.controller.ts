import { Controller } from '@nestjs/common';
import { ConsumesEvent, EventTransaction } from '@libs/common';
import { EventEnvelope, StripeAccountConfigured, StripeAccountConfiguredEvent } from '@libs/contracts';
import { StripeBillingAgencyRepository } from './stripe-billing-agency.repository';

/** Which agencies bill on Stripe, as payments announces their accounts. */
@Controller()
export class StripeAccountsEventsController {
  constructor(private readonly agencies: StripeBillingAgencyRepository) {}

  @ConsumesEvent(StripeAccountConfigured)
  onConfigured(event: EventEnvelope<StripeAccountConfiguredEvent>, tx: EventTransaction): Promise<void> {
    return this.agencies.record(tx, {
      tenantId: event.tenantId,
      mode: event.data.mode,
      keyLast4: event.data.keyLast4,
      configuredAt: new Date(event.data.configuredAt),
    });
  }
}
