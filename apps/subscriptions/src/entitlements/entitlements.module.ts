import { Module } from '@nestjs/common';
import { BillingSettingsModule } from '../billing-settings/billing-settings.module';
import { CatalogModule } from '../catalog/catalog.module';
import { CustomersModule } from '../customers/customers.module';
import { EntitlementLapseSchedule } from './entitlement-lapse.schedule';
import { EntitlementsRpcController } from './entitlements.rpc.controller';
import { EntitlementsService } from './entitlements.service';
import { GrantSources } from './grant-sources';
import { ReaderEntitlementsRepository } from './reader-entitlements.repository';

/**
 * What readers (and addresses of group licences) may use, computed from their grants and published
 * when it changes or lapses. The features that hold grants depend on it and register their
 * `GrantSource` with `GrantSources`; it knows none of them.
 */
@Module({
  imports: [CatalogModule, BillingSettingsModule, CustomersModule],
  controllers: [EntitlementsRpcController],
  providers: [EntitlementsService, ReaderEntitlementsRepository, GrantSources, EntitlementLapseSchedule],
  exports: [EntitlementsService, GrantSources],
})
export class EntitlementsModule {}
