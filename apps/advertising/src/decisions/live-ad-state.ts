import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { EventFeed, NATS_CONNECTION } from '@libs/common';
import {
  AdUnitChanged,
  EntitlementChanged,
  OrderServingChanged,
  SiteAdSettingsChanged,
  SiteChanged,
  TenantCreated,
} from '@libs/contracts';
import { ReaderGrantsRepository } from '../readers/reader-grants.repository';
import { AdUnitServingRepository } from '../serving/ad-unit-serving.repository';
import { OrderServingRepository } from '../serving/order-serving.repository';
import { AdvertisingSiteRepository } from '../sites/advertising-site.repository';
import { AdvertisingTenantRepository } from '../tenants/advertising-tenant.repository';
import { AdMemory } from './ad-memory';
import { PacingSchedule } from './pacing.schedule';
import { ReaderStatuses } from './reader-statuses';

/**
 * Fills an instance's ad memory at start and keeps it current, as the paywall does its own:
 * advertising's own events (orders' and units' serving, sites' ad settings) are followed from
 * now on before the database is read; agencies, sites and readers' entitlements are read from
 * advertising's copy, then followed from where that copy ends. Versions make every overlap
 * harmless. Pacing takes its first look before the first decision.
 */
@Injectable()
export class LiveAdState implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(LiveAdState.name);
  private feed?: EventFeed;

  constructor(
    private readonly memory: AdMemory,
    private readonly readers: ReaderStatuses,
    private readonly pacing: PacingSchedule,
    private readonly tenants: AdvertisingTenantRepository,
    private readonly sites: AdvertisingSiteRepository,
    private readonly orders: OrderServingRepository,
    private readonly units: AdUnitServingRepository,
    private readonly readerGrants: ReaderGrantsRepository,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const started = Date.now();
    const feed = (this.feed = new EventFeed('advertising', jetstream(this.nats), await jetstreamManager(this.nats)));
    const { memory, readers } = this;
    await feed.follow(OrderServingChanged, 'new', (e) => memory.applyOrder(e.tenantId, e.data));
    await feed.follow(AdUnitChanged, 'new', (e) => memory.applyUnit(e.data));
    await feed.follow(SiteAdSettingsChanged, 'new', (e) => memory.applySiteSettings(e.data));
    const [tenantsUpTo, sitesUpTo, readersUpTo] = await Promise.all(
      [TenantCreated, SiteChanged, EntitlementChanged].map((c) => feed.storedUpTo(c)),
    );
    for (const row of await this.tenants.findAll()) memory.applyTenant(row.tenantId, row.timeZone);
    for (const row of await this.sites.findAll()) {
      memory.applySite(row.tenantId, row);
      if (row.settingsVersion > 0)
        memory.applySiteSettings({
          siteId: row.siteId,
          subscriberMaxUnits: row.subscriberMaxUnits,
          version: row.settingsVersion,
        });
    }
    for (const unit of await this.units.published()) memory.applyUnit(unit.data);
    for (const order of await this.orders.servable()) memory.applyOrder(order.tenantId, order.data);
    for (const row of await this.readerGrants.findAll())
      readers.apply(row.tenant_id, row.reader_key, row.version, row.grants);
    await feed.follow(TenantCreated, tenantsUpTo, (e) => memory.applyTenant(e.data.tenantId, e.data.timeZone));
    await feed.follow(SiteChanged, sitesUpTo, (e) => memory.applySite(e.tenantId, e.data));
    await feed.follow(EntitlementChanged, readersUpTo, (e) =>
      readers.apply(e.tenantId, e.data.readerKey, e.data.version, e.data.entitlements),
    );
    await this.pacing.look().catch((error: Error) => this.logger.error(`pacing's first look failed: ${error.message}`));
    memory.ready = true;
    this.logger.log(`ad memory loaded in ${Date.now() - started} ms`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.feed?.stop();
  }
}
