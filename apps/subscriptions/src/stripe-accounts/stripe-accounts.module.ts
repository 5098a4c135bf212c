import { Module } from '@nestjs/common';
import { StripeAccountRepository } from './stripe-account.repository';
import { StripeAccountsRpcController } from './stripe-accounts.rpc.controller';
import { StripeAccountsService } from './stripe-accounts.service';

/** The agencies' Stripe credentials, sealed; the provider account every provider call is made with. */
@Module({
  controllers: [StripeAccountsRpcController],
  providers: [StripeAccountsService, StripeAccountRepository],
  exports: [StripeAccountsService],
})
export class StripeAccountsModule {}
