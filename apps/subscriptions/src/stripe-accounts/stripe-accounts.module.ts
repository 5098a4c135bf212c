import { Module } from '@nestjs/common';
import { StripeAccountHandover } from './stripe-account-handover';
import { StripeAccountRepository } from './stripe-account.repository';
import { StripeAccountsEventsController } from './stripe-accounts.events.controller';
import { StripeAccountsService } from './stripe-accounts.service';
import { StripeBillingAgencyRepository } from './stripe-billing-agency.repository';

/** Whether an agency bills on Stripe (payments holds the account), and the hand-over of accounts held here before. */
@Module({
  controllers: [StripeAccountsEventsController],
  providers: [StripeAccountsService, StripeAccountRepository, StripeAccountHandover, StripeBillingAgencyRepository],
  exports: [StripeAccountsService],
})
export class StripeAccountsModule {}
