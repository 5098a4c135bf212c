import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { EventFeed, NATS_CONNECTION } from '@libs/common';
import { OrderServingChanged, SiteChanged, TenantCreated } from '@libs/contracts';
import { OrderServingRepository } from '../serving/order-serving.repository';
import { AdvertisingSiteRepository } from '../sites/advertising-site.repository';
import { AdvertisingTenantRepository } from '../tenants/advertising-tenant.repository';
import { AdMemory } from './ad-memory';

/**
 * Fills an instance's ad memory at start and keeps it current, as the paywall does its own:
 * advertising's own `OrderServingChanged` is followed from now on before the orders are read;
 * agencies and sites are read from advertising's copy, then followed from where that copy ends.
 * Versions make every overlap harmless.
 */
@Injectable()
export class LiveAdState implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(LiveAdState.name);
  private feed?: EventFeed;

  constructor(
    private readonly memory: AdMemory,
    private readonly tenants: AdvertisingTenantRepository,
    private readonly sites: AdvertisingSiteRepository,
    private readonly serving: OrderServingRepository,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const started = Date.now();
    const feed = (this.feed = new EventFeed('advertising', jetstream(this.nats), await jetstreamManager(this.nats)));
    const memory = this.memory;
    await feed.follow(OrderServingChanged, 'new', (e) => memory.applyOrder(e.data));
    const [tenantsUpTo, sitesUpTo] = await Promise.all([TenantCreated, SiteChanged].map((c) => feed.storedUpTo(c)));
    for (const row of await this.tenants.findAll()) memory.applyTenant(row.tenantId, row.timeZone);
    for (const row of await this.sites.findAll()) memory.applySite(row.tenantId, row);
    for (const order of await this.serving.servable()) memory.applyOrder(order.data);
    await feed.follow(TenantCreated, tenantsUpTo, (e) => memory.applyTenant(e.data.tenantId, e.data.timeZone));
    await feed.follow(SiteChanged, sitesUpTo, (e) => memory.applySite(e.tenantId, e.data));
    memory.ready = true;
    this.logger.log(`ad memory loaded in ${Date.now() - started} ms`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.feed?.stop();
  }
}
