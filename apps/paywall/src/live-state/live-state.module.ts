import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module';
import { ExperimentsModule } from '../experiments/experiments.module';
import { MemoryModule } from '../memory/memory.module';
import { OffersModule } from '../offers/offers.module';
import { PoliciesModule } from '../policies/policies.module';
import { ReaderAccessModule } from '../reader-access/reader-access.module';
import { ReaderMetersModule } from '../reader-meters/reader-meters.module';
import { SitesModule } from '../sites/sites.module';
import { TenantsModule } from '../tenants/tenants.module';
import { LiveState } from './live-state';

/** Fills the instance's memory from the paywall's tables at start, then keeps it fresh from events. */
@Module({
  imports: [
    MemoryModule,
    TenantsModule,
    SitesModule,
    PoliciesModule,
    OffersModule,
    ExperimentsModule,
    ArticlesModule,
    ReaderAccessModule,
    ReaderMetersModule,
  ],
  providers: [LiveState],
})
export class LiveStateModule {}
