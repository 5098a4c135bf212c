import { Injectable } from '@nestjs/common';
import type { OrderServingChangedEvent, OrderStatus } from '@libs/contracts';
import type { LineCandidate, UnitToFill } from './decide-ads';

export interface KnownSite {
  siteId: string;
  tenantId: string;
}

/** Orders whose lines memory keeps: approved ones start live by the clock, an event away. */
const KEPT: ReadonlySet<OrderStatus> = new Set(['approved', 'live']);

/**
 * What ad decisions are made from, in this instance's memory: agencies' time zones, sites by
 * publishable key, and the approved and live orders' lines with their approved creatives, by
 * site and unit code. Filled at start and kept current by events (`LiveAdState`); versions make
 * a repeated or older event change nothing. Nothing here reads the database or the bus.
 */
@Injectable()
export class AdMemory {
  /** False until the state is loaded: decisions answer 503 meanwhile. */
  ready = false;
  private readonly timeZones = new Map<string, string>();
  private readonly days = new Map<string, Intl.DateTimeFormat>();
  private readonly sitesByKey = new Map<string, KnownSite>();
  private readonly siteVersions = new Map<string, { version: number; key: string | null }>();
  private readonly orders = new Map<string, { version: number; siteIds: string[]; lines: [string, LineCandidate][] }>();
  /** Units by site and code, rebuilt for a site when one of its orders changes. */
  private readonly units = new Map<string, Map<string, UnitToFill>>();
  private readonly sizesOfUnit = new Map<string, readonly string[]>();

  applyTenant(tenantId: string, timeZone: string): void {
    this.timeZones.set(tenantId, timeZone);
  }

  applySite(tenantId: string, site: { siteId: string; publishableKey: string | null; version: number }): void {
    const known = this.siteVersions.get(site.siteId);
    if (known && known.version >= site.version) return;
    if (known?.key) this.sitesByKey.delete(known.key);
    this.siteVersions.set(site.siteId, { version: site.version, key: site.publishableKey });
    if (site.publishableKey) this.sitesByKey.set(site.publishableKey, { siteId: site.siteId, tenantId });
  }

  applyOrder(data: OrderServingChangedEvent): void {
    const known = this.orders.get(data.orderId);
    if (known && known.version >= data.version) return;
    const kept = KEPT.has(data.status);
    const lines: [string, LineCandidate][] = kept
      ? data.lines.map((line) => {
          this.sizesOfUnit.set(`${line.siteId} ${line.unitCode}`, line.unitSizes);
          return [
            `${line.siteId} ${line.unitCode}`,
            {
              orderId: data.orderId,
              orderStatus: data.status,
              lineId: line.lineId,
              adUnitId: line.adUnitId,
              advertiserId: data.advertiserId,
              category: data.category,
              pricingModel: line.pricingModel,
              flightStart: line.flightStart,
              flightEnd: line.flightEnd,
              impressionsPerDay: line.impressionsPerDay,
              targeting: line.targeting,
              creatives: line.creatives,
            },
          ];
        })
      : [];
    const siteIds = [...new Set(data.lines.map((line) => line.siteId))];
    // what it served before is forgotten as well (an order keeps its lines, but a version may carry none)
    const touched = new Set([...(known?.siteIds ?? []), ...siteIds]);
    this.orders.set(data.orderId, { version: data.version, siteIds, lines });
    for (const siteId of touched) this.units.delete(siteId);
  }

  /** The agency's IANA time zone; undefined while the agency is not known yet. */
  timeZoneOf(tenantId: string): string | undefined {
    return this.timeZones.get(tenantId);
  }

  site(publishableKey: string): KnownSite | undefined {
    return this.sitesByKey.get(publishableKey);
  }

  /** The agency-local day of `now`; undefined while the agency is not known yet. */
  todayOf(tenantId: string, now: Date): string | undefined {
    const zone = this.timeZones.get(tenantId);
    if (!zone) return undefined;
    let format = this.days.get(zone);
    if (!format) {
      format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
      this.days.set(zone, format);
    }
    return format.format(now);
  }

  /** The site's unit of this code with its lines; a unit no line is booked on has none. */
  unit(siteId: string, code: string): UnitToFill {
    let units = this.units.get(siteId);
    if (!units) this.units.set(siteId, (units = this.unitsOf(siteId)));
    return units.get(code) ?? { code, sizes: [], lines: [] };
  }

  private unitsOf(siteId: string): Map<string, UnitToFill> {
    const units = new Map<string, UnitToFill>();
    for (const order of this.orders.values()) {
      if (!order.siteIds.includes(siteId)) continue;
      for (const [key, line] of order.lines) {
        const space = key.indexOf(' ');
        if (key.slice(0, space) !== siteId) continue;
        const code = key.slice(space + 1);
        let unit = units.get(code);
        if (!unit) units.set(code, (unit = { code, sizes: this.sizesOfUnit.get(key) ?? [], lines: [] }));
        (unit.lines as LineCandidate[]).push(line);
      }
    }
    return units;
  }
}
