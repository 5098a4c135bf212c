import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { CustomersModule } from '../customers/customers.module';
import { PaymentsModule } from '../payments/payments.module';
import { StripeAccountsModule } from '../stripe-accounts/stripe-accounts.module';
import { TaxRatesModule } from '../tax-rates/tax-rates.module';
import { CheckoutRepository } from './checkout.repository';
import { CheckoutsRpcController } from './checkouts.rpc.controller';
import { CheckoutsService } from './checkouts.service';

/** Checkouts of a plan at the provider's hosted page, and the self-service portal. */
@Module({
  imports: [CatalogModule, StripeAccountsModule, CustomersModule, PaymentsModule, TaxRatesModule],
  controllers: [CheckoutsRpcController],
  providers: [CheckoutsService, CheckoutRepository],
  exports: [CheckoutRepository],
})
export class CheckoutsModule {}
