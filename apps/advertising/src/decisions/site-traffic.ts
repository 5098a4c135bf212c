import { Injectable } from '@nestjs/common';
import type { LocalMoment } from './agency-clock';

/** Page requests of one site in one agency-local hour. */
export interface TrafficCount {
  siteId: string;
  tenantId: string;
  day: string;
  hour: number;
  pages: number;
}

/**
 * Page requests counted per site and agency-local hour in memory, handed over in batches to be
 * added to the site's history (its traffic curve). One counter per known site: bounded by the
 * sites, not by the traffic. A count lost in a crash loses a minute of history, nothing owed.
 */
@Injectable()
export class SiteTraffic {
  private readonly current = new Map<string, TrafficCount>();
  private ended: TrafficCount[] = [];

  count(siteId: string, tenantId: string, at: LocalMoment): void {
    const held = this.current.get(siteId);
    if (held && held.hour === at.hour && held.day === at.day) {
      held.pages++;
      return;
    }
    if (held && held.pages > 0) this.ended.push(held);
    this.current.set(siteId, { siteId, tenantId, day: at.day, hour: at.hour, pages: 1 });
  }

  /** What was counted since the last call, and counting starts again from zero. */
  drain(): TrafficCount[] {
    const counts = this.ended;
    this.ended = [];
    for (const held of this.current.values()) {
      if (held.pages === 0) continue;
      counts.push({ ...held });
      held.pages = 0;
    }
    return counts;
  }
}
