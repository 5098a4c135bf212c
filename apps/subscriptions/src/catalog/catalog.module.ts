import { Module } from '@nestjs/common';
import { PaymentsModule } from '../payments/payments.module';
import { StripeAccountsModule } from '../stripe-accounts/stripe-accounts.module';
import { TenantsModule } from '../tenants/tenants.module';
import { CatalogRepository } from './catalog.repository';
import { CatalogRpcController } from './catalog.rpc.controller';
import { CatalogService } from './catalog.service';

/** Products, plans and versioned prices, mirrored at the provider. */
@Module({
  imports: [PaymentsModule, StripeAccountsModule, TenantsModule],
  controllers: [CatalogRpcController],
  providers: [CatalogService, CatalogRepository],
  exports: [CatalogService, CatalogRepository],
})
export class CatalogModule {}
