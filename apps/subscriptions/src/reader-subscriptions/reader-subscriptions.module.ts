import { Module, OnModuleInit } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { CustomersModule } from '../customers/customers.module';
import { EntitlementsModule } from '../entitlements/entitlements.module';
import { GrantSources } from '../entitlements/grant-sources';
import { PaymentsModule } from '../payments/payments.module';
import { StripeAccountsModule } from '../stripe-accounts/stripe-accounts.module';
import { PlanChangeService } from './plan-change.service';
import { ReaderSubscriptionRepository } from './reader-subscription.repository';
import { ReaderSubscriptionsRpcController } from './reader-subscriptions.rpc.controller';
import { ReaderSubscriptionsService } from './reader-subscriptions.service';
import { SubscriptionChangeLeaseRepository } from './subscription-change-lease.repository';
import { SubscriptionSyncService } from './subscription-sync.service';

/** Readers' subscriptions as last read from the provider, and their plan changes by the provider (routed by plan-changes/). */
@Module({
  imports: [PaymentsModule, EntitlementsModule, CatalogModule, CustomersModule, StripeAccountsModule],
  controllers: [ReaderSubscriptionsRpcController],
  providers: [
    ReaderSubscriptionsService,
    SubscriptionSyncService,
    PlanChangeService,
    ReaderSubscriptionRepository,
    SubscriptionChangeLeaseRepository,
  ],
  exports: [SubscriptionSyncService, ReaderSubscriptionRepository, PlanChangeService],
})
export class ReaderSubscriptionsModule implements OnModuleInit {
  constructor(
    private readonly grantSources: GrantSources,
    private readonly subscriptions: ReaderSubscriptionsService,
  ) {}

  /** Subscriptions grant entitlements. */
  onModuleInit(): void {
    this.grantSources.register(this.subscriptions);
  }
}
