import { Module } from '@nestjs/common';
import { BillingSettingsModule } from '../billing-settings/billing-settings.module';
import { CatalogModule } from '../catalog/catalog.module';
import { CustomersModule } from '../customers/customers.module';
import { AddressGrantRepository } from './address-grant.repository';
import { AddressGrantsService } from './address-grants.service';
import { EntitlementLapseSchedule } from './entitlement-lapse.schedule';
import { EntitlementsRpcController } from './entitlements.rpc.controller';
import { EntitlementsService } from './entitlements.service';
import { GrantSourceRepository } from './grant-source.repository';
import { ReaderEntitlementsRepository } from './reader-entitlements.repository';

/** What readers (and addresses of group licences) may use, computed from their grants and published when it changes or lapses. */
@Module({
  imports: [CatalogModule, BillingSettingsModule, CustomersModule],
  controllers: [EntitlementsRpcController],
  providers: [
    EntitlementsService,
    ReaderEntitlementsRepository,
    GrantSourceRepository,
    AddressGrantsService,
    AddressGrantRepository,
    EntitlementLapseSchedule,
  ],
  exports: [EntitlementsService, AddressGrantsService],
})
export class EntitlementsModule {}
