import { Module } from '@nestjs/common';
import { PaymentsModule } from '../payments/payments.module';
import { StripeAccountsModule } from '../stripe-accounts/stripe-accounts.module';
import { CouponsRpcController } from './coupons.rpc.controller';
import { CouponsService } from './coupons.service';

/** Discounts, kept at the provider. */
@Module({
  imports: [PaymentsModule, StripeAccountsModule],
  controllers: [CouponsRpcController],
  providers: [CouponsService],
})
export class CouponsModule {}
