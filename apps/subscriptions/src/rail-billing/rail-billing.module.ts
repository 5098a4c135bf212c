import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { EntitlementsModule } from '../entitlements/entitlements.module';
import { GiftsModule } from '../gifts/gifts.module';
import { InvoicesModule } from '../invoices/invoices.module';
import { ReaderSubscriptionsModule } from '../reader-subscriptions/reader-subscriptions.module';
import { TaxRatesModule } from '../tax-rates/tax-rates.module';
import { RailCheckoutsRpcController } from './rail-checkouts.rpc.controller';
import { RailCheckoutsService } from './rail-checkouts.service';
import { RailInvoicePaymentsService } from './rail-invoice-payments.service';
import { RailPaymentsEventsController } from './rail-payments.events.controller';

/**
 * Subscriptions the suite bills itself, paid on the domestic rails through the payments service
 * (first period only, for now: no renewals, dunning, plan changes or cancellations yet).
 */
@Module({
  imports: [CatalogModule, TaxRatesModule, ReaderSubscriptionsModule, InvoicesModule, EntitlementsModule, GiftsModule],
  controllers: [RailCheckoutsRpcController, RailPaymentsEventsController],
  providers: [RailCheckoutsService, RailInvoicePaymentsService],
})
export class RailBillingModule {}
