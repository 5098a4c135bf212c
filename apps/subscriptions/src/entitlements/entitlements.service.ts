import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { EventOutbox } from '@libs/common';
import {
  EntitlementChanged,
  EntitlementGrant,
  EntitlementsQuery,
  EntitlementsView,
  parseIpAddress,
  readerKeyOf,
} from '@libs/contracts';
import { BillingSettingsRepository } from '../billing-settings/billing-settings.repository';
import { CatalogRepository } from '../catalog/catalog.repository';
import { CustomerRepository } from '../customers/customer.repository';
import { grantsFrom, sameGrants } from './entitlement-rules';
import type { HeldGrant } from './grant-source';
import { GrantSources } from './grant-sources';
import { ReaderEntitlementsRepository } from './reader-entitlements.repository';
import { DEFAULT_DUNNING_POLICY } from '../billing-settings/default-billing-settings';

@Injectable()
export class EntitlementsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly published: ReaderEntitlementsRepository,
    private readonly sources: GrantSources,
    private readonly catalog: CatalogRepository,
    private readonly settings: BillingSettingsRepository,
    private readonly customers: CustomerRepository,
  ) {}

  /** A reader's grants now (or an address's), computed from their sources (never from a cache). */
  async forReader(tenantId: string, query: EntitlementsQuery): Promise<EntitlementsView> {
    if (query.ip !== undefined) return this.forAddress(tenantId, query.ip);
    const readerKey = readerKeyOf(query);
    const grants = await this.grantsOf(this.dataSource.manager, tenantId, readerKey, new Date());
    const snapshot = await this.published.findOfReader(tenantId, readerKey);
    return {
      readerId: query.readerId ?? null,
      email: query.email?.toLowerCase() ?? null,
      ip: null,
      entitlements: grants,
      version: snapshot?.version ?? 0,
    };
  }

  /**
   * Recomputes a reader's grants inside the caller's transaction and, when they differ from the
   * last published ones, publishes them with the next version.
   */
  async refresh(tx: EntityManager, tenantId: string, readerKey: string, now = new Date()): Promise<void> {
    await this.published.lockReader(tx, tenantId, readerKey);
    const grants = await this.grantsOf(tx, tenantId, readerKey, now);
    const last = await this.published.findOfReader(tenantId, readerKey, tx);
    if (last && sameGrants(last.grants, grants)) return;
    const version = (last?.version ?? 0) + 1;
    await this.published.save(tx, { tenantId, readerKey, grants, version, lapsesAt: firstLapseOf(grants) });
    const customer = await this.customers.findByReaderKey(tenantId, readerKey, tx);
    const reader = readerOfKey(readerKey);
    await this.outbox.add(tx, EntitlementChanged, {
      tenantId,
      subject: readerKey,
      data: {
        readerKey,
        readerId: customer?.readerId ?? reader.readerId,
        email: customer?.email ?? reader.email,
        entitlements: grants,
        version,
      },
    });
  }

  /** What group licences grant to anyone coming from this address (no seat, no version). */
  private async forAddress(tenantId: string, ip: string): Promise<EntitlementsView> {
    const address = parseIpAddress(ip);
    const now = new Date();
    const covering = address ? await this.sources.coveringAddress(tenantId, address, now) : [];
    const entitlementsOf = await this.productEntitlements(
      this.dataSource.manager,
      tenantId,
      covering.map((l) => l.productId),
    );
    const groups = covering.map((licence) => ({ ...licence, entitlements: entitlementsOf(licence.productId) }));
    return { readerId: null, email: null, ip, entitlements: grantsFrom({ groups }, now, 0), version: 0 };
  }

  /** Reads every grant of the reader from its source, then what their products grant, then applies the rules. */
  private async grantsOf(
    tx: EntityManager,
    tenantId: string,
    readerKey: string,
    now: Date,
  ): Promise<EntitlementGrant[]> {
    const held = await this.sources.heldBy(tx, tenantId, readerKey, now);
    if (held.length === 0) return [];
    const subscriptions = ofSource(held, 'subscription');
    const gifts = ofSource(held, 'gift');
    const licences = ofSource(held, 'group');
    const plans =
      subscriptions.length === 0
        ? []
        : await this.catalog.findPlansByIds(
            tx,
            tenantId,
            subscriptions.map((s) => s.planId),
          );
    const productIds = [
      ...plans.map((p) => p.productId),
      ...gifts.map((g) => g.productId),
      ...licences.map((l) => l.productId),
    ];
    const entitlementsOf = await this.productEntitlements(tx, tenantId, productIds);
    const settings = await this.settings.findOfTenant(tenantId, tx);
    return grantsFrom(
      {
        subscriptions: subscriptions.map((s) => ({
          ...s,
          entitlements: entitlementsOf(plans.find((p) => p.id === s.planId)?.productId),
        })),
        gifts: gifts.map((g) => ({ ...g, entitlements: entitlementsOf(g.productId) })),
        groups: licences.map((l) => ({ ...l, entitlements: entitlementsOf(l.productId) })),
      },
      now,
      settings?.graceDays ?? DEFAULT_DUNNING_POLICY.graceDays,
    );
  }

  private async productEntitlements(
    tx: EntityManager,
    tenantId: string,
    productIds: string[],
  ): Promise<(productId: string | undefined) => readonly string[]> {
    const ids = [...new Set(productIds)];
    const products = ids.length === 0 ? [] : await this.catalog.findProductsByIds(tenantId, ids, tx);
    return (productId) => products.find((p) => p.id === productId)?.entitlements ?? [];
  }
}

function ofSource<S extends HeldGrant['source']>(held: HeldGrant[], source: S): Extract<HeldGrant, { source: S }>[] {
  return held.filter((grant): grant is Extract<HeldGrant, { source: S }> => grant.source === source);
}

/** Who a reader key names, for readers known only from gifts or group licences (no customer yet). */
function readerOfKey(readerKey: string): { readerId: string | null; email: string | null } {
  if (readerKey.startsWith('reader:')) return { readerId: readerKey.slice('reader:'.length), email: null };
  if (readerKey.startsWith('email:')) return { readerId: null, email: readerKey.slice('email:'.length) };
  return { readerId: null, email: null };
}

function firstLapseOf(grants: EntitlementGrant[]): Date | null {
  const ends = grants.map((grant) => new Date(grant.until).getTime());
  return ends.length === 0 ? null : new Date(Math.min(...ends));
}
