import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { EventFeed, NATS_CONNECTION } from '@libs/common';
import {
  AddressGrantChanged,
  ArticleChanged,
  EntitlementChanged,
  ExperimentChanged,
  OfferRevisionPublished,
  PolicyRevisionPublished,
  ReadsRecorded,
  SiteChanged,
  TenantCreated,
} from '@libs/contracts';
import { toAccessChange } from '../articles/article.mapper';
import { ArticleRepository } from '../articles/article.repository';
import { METER_MEMORY_DAYS } from '../decisions/meter-tokens';
import { toView } from '../experiments/experiment.mapper';
import { ExperimentRepository } from '../experiments/experiment.repository';
import { PaywallMemory } from '../memory/paywall-memory';
import { OfferRevisionRepository } from '../offers/offer-revision.repository';
import { PolicyRevisionRepository } from '../policies/policy-revision.repository';
import { AddressGrantsRepository } from '../reader-access/address-grants.repository';
import { ReaderGrantsRepository } from '../reader-access/reader-grants.repository';
import { ReaderMeters } from '../reader-meters/reader-meters';
import { ReaderReadRepository } from '../reader-meters/reader-read.repository';
import { PaywallSiteRepository } from '../sites/paywall-site.repository';
import { PaywallTenantRepository } from '../tenants/paywall-tenant.repository';

/**
 * Fills an instance's memory at start and keeps it fresh. The paywall's own facts (policies,
 * articles) are followed from now on before the database is read; facts of other services
 * (agencies, sites, entitlements) and readers' meters are read from the paywall's database copy,
 * then followed from where that copy ends. Versions make every overlap harmless.
 */
@Injectable()
export class LiveState implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(LiveState.name);
  private feed?: EventFeed;

  constructor(
    private readonly memory: PaywallMemory,
    private readonly meters: ReaderMeters,
    private readonly tenants: PaywallTenantRepository,
    private readonly sites: PaywallSiteRepository,
    private readonly policies: PolicyRevisionRepository,
    private readonly offers: OfferRevisionRepository,
    private readonly experiments: ExperimentRepository,
    private readonly articles: ArticleRepository,
    private readonly readerGrants: ReaderGrantsRepository,
    private readonly addressGrants: AddressGrantsRepository,
    private readonly reads: ReaderReadRepository,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const started = Date.now();
    const feed = (this.feed = new EventFeed('paywall', jetstream(this.nats), await jetstreamManager(this.nats)));
    const memory = this.memory;

    await feed.follow(PolicyRevisionPublished, 'new', (e) =>
      memory.applyPolicies(e.tenantId, e.data.revision, e.data.policies),
    );
    await feed.follow(ArticleChanged, 'new', (e) => memory.applyArticle(e.tenantId, e.data));
    await feed.follow(OfferRevisionPublished, 'new', (e) =>
      memory.applyOffers(e.tenantId, e.data.revision, e.data.offers),
    );
    await feed.follow(ExperimentChanged, 'new', (e) => memory.applyExperiment(e.tenantId, e.data));

    const [tenantsUpTo, sitesUpTo, readersUpTo, addressesUpTo, readsUpTo] = await Promise.all(
      [TenantCreated, SiteChanged, EntitlementChanged, AddressGrantChanged, ReadsRecorded].map((contract) =>
        feed.storedUpTo(contract),
      ),
    );
    await this.loadSnapshot();
    await feed.follow(TenantCreated, tenantsUpTo, (e) =>
      memory.applyTenant(e.data.tenantId, e.data.timeZone, e.data.locale),
    );
    await feed.follow(SiteChanged, sitesUpTo, (e) => memory.applySite(e.tenantId, e.data));
    await feed.follow(EntitlementChanged, readersUpTo, (e) =>
      memory.applyReaderGrants(e.tenantId, e.data.readerKey, e.data.version, e.data.entitlements),
    );
    await feed.follow(AddressGrantChanged, addressesUpTo, (e) => memory.applyAddressGrants(e.tenantId, e.data));
    await feed.follow(ReadsRecorded, readsUpTo, (e) => {
      for (const read of e.data.reads)
        this.meters.apply(e.tenantId, read.readerKey, { article: read.article, section: read.section, day: read.day });
    });
    memory.ready = true;
    this.logger.log(`paywall memory loaded in ${Date.now() - started} ms`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.feed?.stop();
  }

  private async loadSnapshot(): Promise<void> {
    const memory = this.memory;
    for (const row of await this.tenants.findAll()) memory.applyTenant(row.tenant_id, row.time_zone, row.locale);
    for (const row of await this.sites.findAll()) {
      memory.applySite(row.tenant_id, {
        siteId: row.site_id,
        publishableKey: row.publishable_key,
        version: row.version,
      });
    }
    for (const revision of await this.policies.currentOfAll())
      memory.applyPolicies(revision.tenantId, revision.revision, revision.policies);
    for (const revision of await this.offers.currentOfAll())
      memory.applyOffers(revision.tenantId, revision.revision, revision.offers);
    for (const row of await this.experiments.findRunning()) memory.applyExperiment(row.tenantId, toView(row));
    for (const row of await this.articles.findAllLive()) memory.applyArticle(row.tenantId, toAccessChange(row));
    for (const row of await this.readerGrants.findAll())
      memory.applyReaderGrants(row.tenant_id, row.reader_key, row.version, row.grants);
    for (const row of await this.addressGrants.findAll()) {
      memory.applyAddressGrants(row.tenant_id, {
        licenceId: row.licence_id,
        ipRanges: row.ip_ranges,
        entitlements: row.entitlements,
        validUntil: new Date(row.valid_until).toISOString(),
        version: row.version,
      });
    }
    const since = Math.floor(Date.now() / 86_400_000) - METER_MEMORY_DAYS;
    for (const row of await this.reads.findAfterDay(since)) {
      this.meters.apply(row.tenant_id, row.reader_key, { article: row.article, section: row.section, day: row.day });
    }
  }
}
