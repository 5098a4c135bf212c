import { Module } from '@nestjs/common';
import { PaymentsModule } from '../payments/payments.module';
import { StripeAccountsModule } from '../stripe-accounts/stripe-accounts.module';
import { ProviderBalanceRpcController } from './provider-balance.rpc.controller';
import { ProviderBalanceService } from './provider-balance.service';

/** The agency's provider balance, read for finance's reconciliation. */
@Module({
  imports: [PaymentsModule, StripeAccountsModule],
  controllers: [ProviderBalanceRpcController],
  providers: [ProviderBalanceService],
})
export class ProviderBalanceModule {}
