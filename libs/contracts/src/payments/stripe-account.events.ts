import { IsIn, IsString } from 'class-validator';
import { defineEvent } from '../define-event';

/** An agency's Stripe account was configured or handed over: which one (never its secrets). */
export class StripeAccountConfiguredEvent {
  @IsIn(['test', 'live']) mode!: 'test' | 'live';
  @IsString() keyLast4!: string;
  @IsString() configuredAt!: string;
}

export const StripeAccountConfigured = defineEvent({
  subject: 'evt.payments.stripe-account.configured.v1',
  data: StripeAccountConfiguredEvent,
  description:
    "An agency's Stripe account was configured (or handed over from subscriptions): the agency bills on Stripe from now on.",
});
