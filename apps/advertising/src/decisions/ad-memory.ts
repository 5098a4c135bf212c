import { Injectable } from '@nestjs/common';
import type {
  AdUnitChangedEvent,
  OrderServingChangedEvent,
  OrderStatus,
  PacingMode,
  ServedCreative,
  SiteAdSettingsChangedEvent,
} from '@libs/contracts';
import { AgencyClock } from './agency-clock';
import type { LineCandidate, UnitToFill } from './decide-ads';
import { capKeyOf } from './frequency-caps';

export interface KnownSite {
  siteId: string;
  tenantId: string;
}

/** A line as memory holds it: a candidate, with its unit, its pacing and its key in cap tokens. */
export interface HeldLine extends LineCandidate {
  tenantId: string;
  adUnitId: string;
  siteId: string;
  unitCode: string;
  pacing: PacingMode;
  capKey: number;
}

interface HeldUnit {
  version: number;
  siteId: string | null;
  code: string;
  sizes: readonly string[];
  active: boolean;
  houseCreatives: readonly ServedCreative[];
  passbackTag: string | null;
}

/** Orders whose lines memory keeps: approved ones start live by the clock, an event away. */
const KEPT: ReadonlySet<OrderStatus> = new Set(['approved', 'live']);

/**
 * What ad decisions are made from, in this instance's memory: agencies' clocks, sites by
 * publishable key with their ad settings, ad units (sizes, house ads, passback), and the
 * approved and live orders' lines with their approved creatives, by site and unit code. Filled
 * at start and kept current by events (`LiveAdState`); versions make a repeated or older event
 * change nothing. Nothing here reads the database or the bus.
 */
@Injectable()
export class AdMemory {
  /** False until the state is loaded: decisions answer 503 meanwhile. */
  ready = false;
  private readonly clocks = new Map<string, AgencyClock>();
  private readonly sitesByKey = new Map<string, KnownSite>();
  private readonly siteVersions = new Map<string, { version: number; key: string | null }>();
  private readonly siteSettings = new Map<string, { version: number; subscriberMaxUnits: number | null }>();
  private readonly orders = new Map<string, { version: number; siteIds: string[]; lines: HeldLine[] }>();
  private readonly heldUnits = new Map<string, HeldUnit>();
  /** Units by site and code, rebuilt for a site when one of its orders or units changes. */
  private readonly units = new Map<string, Map<string, UnitToFill<HeldLine>>>();
  /** Sizes of units known only from their lines (before their own event). */
  private readonly sizesOfUnit = new Map<string, readonly string[]>();

  applyTenant(tenantId: string, timeZone: string): void {
    if (this.clocks.get(tenantId)?.timeZone !== timeZone) this.clocks.set(tenantId, new AgencyClock(timeZone));
  }

  applySite(tenantId: string, site: { siteId: string; publishableKey: string | null; version: number }): void {
    const known = this.siteVersions.get(site.siteId);
    if (known && known.version >= site.version) return;
    if (known?.key) this.sitesByKey.delete(known.key);
    this.siteVersions.set(site.siteId, { version: site.version, key: site.publishableKey });
    if (site.publishableKey) this.sitesByKey.set(site.publishableKey, { siteId: site.siteId, tenantId });
  }

  applySiteSettings(data: SiteAdSettingsChangedEvent): void {
    const known = this.siteSettings.get(data.siteId);
    if (known && known.version >= data.version) return;
    this.siteSettings.set(data.siteId, { version: data.version, subscriberMaxUnits: data.subscriberMaxUnits });
  }

  applyUnit(data: AdUnitChangedEvent): void {
    const known = this.heldUnits.get(data.adUnitId);
    if (known && known.version >= data.version) return;
    this.heldUnits.set(data.adUnitId, {
      version: data.version,
      siteId: data.siteId,
      code: data.code,
      sizes: data.sizes,
      active: data.active,
      houseCreatives: data.houseCreatives,
      passbackTag: data.passbackTag,
    });
    if (known?.siteId) this.units.delete(known.siteId);
    if (data.siteId) this.units.delete(data.siteId);
  }

  applyOrder(tenantId: string, data: OrderServingChangedEvent): void {
    const known = this.orders.get(data.orderId);
    if (known && known.version >= data.version) return;
    const lines: HeldLine[] = KEPT.has(data.status)
      ? data.lines.map((line) => {
          this.sizesOfUnit.set(line.adUnitId, line.unitSizes);
          return {
            tenantId,
            orderId: data.orderId,
            orderStatus: data.status,
            lineId: line.lineId,
            adUnitId: line.adUnitId,
            siteId: line.siteId,
            unitCode: line.unitCode,
            advertiserId: data.advertiserId,
            category: data.category,
            pricingModel: line.pricingModel,
            flightStart: line.flightStart,
            flightEnd: line.flightEnd,
            impressionsPerDay: line.impressionsPerDay,
            // every targeting of one shape: the decision reads it for each line of each page
            targeting: {
              sections: line.targeting.sections,
              devices: line.targeting.devices,
              countries: line.targeting.countries,
              subscriberStatus: line.targeting.subscriberStatus,
              hours: line.targeting.hours,
            },
            priority: line.priority ?? null,
            frequencyCap: line.frequencyCap ?? null,
            pacing: line.pacing ?? 'even',
            roadblockId: line.roadblockId ?? null,
            capKey: capKeyOf(line.lineId),
            creatives: line.creatives,
          };
        })
      : [];
    const siteIds = [...new Set(data.lines.map((line) => line.siteId))];
    // what it served before is forgotten as well (an order keeps its lines, but a version may carry none)
    const touched = new Set([...(known?.siteIds ?? []), ...siteIds]);
    this.orders.set(data.orderId, { version: data.version, siteIds, lines });
    for (const siteId of touched) this.units.delete(siteId);
  }

  site(publishableKey: string): KnownSite | undefined {
    return this.sitesByKey.get(publishableKey);
  }

  /** Units of a page a subscriber sees ads in, at most; null: all. */
  subscriberMaxUnits(siteId: string): number | null {
    return this.siteSettings.get(siteId)?.subscriberMaxUnits ?? null;
  }

  /** The agency's IANA time zone; undefined while the agency is not known yet. */
  timeZoneOf(tenantId: string): string | undefined {
    return this.clocks.get(tenantId)?.timeZone;
  }

  /** The agency's wall clock; undefined while the agency is not known yet. */
  clockOf(tenantId: string): AgencyClock | undefined {
    return this.clocks.get(tenantId);
  }

  /** Every line held, of every order. */
  *lines(): IterableIterator<HeldLine> {
    for (const order of this.orders.values()) yield* order.lines;
  }

  /** Sites with an agency clock, for pacing's curves. */
  *sites(): IterableIterator<KnownSite> {
    yield* this.sitesByKey.values();
  }

  /** The site's unit of this code with its lines; a unit memory does not know has none. */
  unit(siteId: string, code: string): UnitToFill<HeldLine> {
    let units = this.units.get(siteId);
    if (!units) this.units.set(siteId, (units = this.unitsOf(siteId)));
    return units.get(code) ?? { code, sizes: [], lines: [], houseCreatives: [], passbackTag: null };
  }

  private unitsOf(siteId: string): Map<string, UnitToFill<HeldLine>> {
    const units = new Map<string, UnitToFill<HeldLine> & { lines: HeldLine[] }>();
    for (const held of this.heldUnits.values()) {
      if (held.siteId !== siteId) continue;
      const { code, sizes, active } = held;
      units.set(code, {
        code,
        sizes,
        lines: [],
        houseCreatives: active ? held.houseCreatives : [],
        passbackTag: active ? held.passbackTag : null,
      });
    }
    for (const order of this.orders.values()) {
      if (!order.siteIds.includes(siteId)) continue;
      for (const line of order.lines) {
        if (line.siteId !== siteId) continue;
        let unit = units.get(line.unitCode);
        if (!unit) {
          const sizes = this.sizesOfUnit.get(line.adUnitId) ?? [];
          units.set(
            line.unitCode,
            (unit = { code: line.unitCode, sizes, lines: [], houseCreatives: [], passbackTag: null }),
          );
        }
        unit.lines.push(line);
      }
    }
    return units;
  }
}
