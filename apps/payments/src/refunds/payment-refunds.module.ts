import { Module } from '@nestjs/common';
import { RailAccountsModule } from '../accounts/rail-accounts.module';
import { PaymentsModule } from '../payments/payments.module';
import { PaymentRefundsRpcController } from './payment-refunds.rpc.controller';
import { PaymentRefundsService } from './payment-refunds.service';
import { DuplicatePaymentReturns } from './duplicate-payment-returns';

/** Money given back on the rail that took it. */
@Module({
  imports: [RailAccountsModule, PaymentsModule],
  controllers: [PaymentRefundsRpcController],
  providers: [PaymentRefundsService, DuplicatePaymentReturns],
})
export class PaymentRefundsModule {}
