import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '@libs/common';
import { dayNumber, dayOfNumber } from '../calendar/agency-days';
import { AdvertisingEnv } from '../config/advertising.config';
import { DeliveryCountRepository } from '../pacing/delivery-count.repository';
import { SiteTrafficHourRepository } from '../pacing/site-traffic-hour.repository';
import { curveFromHistory, TrafficCurve, TrafficHour } from '../pacing/traffic-curve';
import { AdMemory, HeldLine } from './ad-memory';
import { LinePacing, PacingLook } from './line-pacing';

/** Days of history a site's curve is drawn from. */
const CURVE_DAYS = 28;
/** How often curves are drawn again: they change with whole days of history. */
const CURVE_EVERY_MS = 3_600_000;

/**
 * Every few minutes (`ADVERTISING_PACING_INTERVAL_S`), in every instance (each has its own
 * memory; a read needs no claim): reads what each live cpm line in flight delivered (beacons'
 * hourly counters) and looks at it again (`repace`) against its site's traffic curve, drawn
 * hourly from the site's history of page requests. No decision waits for it.
 */
@Injectable()
export class PacingSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PacingSchedule.name);
  private readonly schedule: PeriodicTask;
  private curvesDrawnAt = 0;

  constructor(
    private readonly memory: AdMemory,
    private readonly pacing: LinePacing,
    private readonly delivered: DeliveryCountRepository,
    private readonly traffic: SiteTrafficHourRepository,
    env: AdvertisingEnv,
  ) {
    this.schedule = new PeriodicTask('pacing', env.ADVERTISING_PACING_INTERVAL_S * 1000, () =>
      this.memory.ready ? this.look() : Promise.resolve(),
    );
  }

  onApplicationBootstrap(): void {
    this.schedule.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.schedule.stop();
  }

  /** One look at every paced line (curves drawn again first when an hour has passed). */
  async look(now = Date.now()): Promise<void> {
    if (now - this.curvesDrawnAt >= CURVE_EVERY_MS) await this.drawCurves(now);
    const paced: { line: HeldLine; at: number }[] = [];
    for (const line of this.memory.lines()) {
      if (line.pricingModel !== 'cpm' || line.orderStatus !== 'live') continue;
      const moment = this.memory.clockOf(line.tenantId)?.at(now);
      if (!moment || moment.day < line.flightStart || moment.day > line.flightEnd) continue;
      paced.push({ line, at: moment.hours });
    }
    const delivered = await this.delivered.impressionsOfLines(paced.map(({ line }) => line.lineId));
    const looks: PacingLook[] = paced.map(({ line, at }) => ({ line, at, delivered: delivered.get(line.lineId) ?? 0 }));
    this.pacing.look(looks);
  }

  private async drawCurves(now: number): Promise<void> {
    const earliest = dayOfNumber(dayNumber(new Date(now).toISOString().slice(0, 10)) - CURVE_DAYS - 1);
    const history = new Map<string, TrafficHour[]>();
    for (const { siteId, ...hour } of await this.traffic.findFromDay(earliest)) {
      const hours = history.get(siteId);
      if (hours) hours.push(hour);
      else history.set(siteId, [hour]);
    }
    const curves = new Map<string, TrafficCurve>();
    for (const site of this.memory.sites()) {
      const today = this.memory.clockOf(site.tenantId)?.at(now).day;
      const rows = history.get(site.siteId);
      if (!today || !rows) continue;
      const first = dayOfNumber(dayNumber(today) - CURVE_DAYS);
      curves.set(site.siteId, curveFromHistory(rows.filter((row) => row.day >= first && row.day < today)));
    }
    this.pacing.useCurves(curves);
    this.curvesDrawnAt = now;
    this.logger.debug(`traffic curves drawn for ${curves.size} sites`);
  }
}
