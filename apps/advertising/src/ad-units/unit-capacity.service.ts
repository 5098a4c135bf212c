import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictError } from '@libs/common';
import type { CapacityForecastView } from '@libs/contracts';
import { dayNumber, dayOfNumber, localDayOf } from '../calendar/agency-days';
import { AgencyCalendarRepository } from '../calendar/agency-calendar.repository';
import { InventoryDayRepository } from '../inventory/inventory-day.repository';
import type { AdUnit } from './ad-unit.entity';
import { AdUnitRepository } from './ad-unit.repository';
import { FORECAST_MAX_DAYS, FORECAST_METHOD, forecastCapacity } from './capacity-forecast';
import { capacitiesByWeekday, CapacitySource } from './unit-capacity';
import { UnitDeliveryHistoryRepository } from './unit-delivery-history.repository';

/** A forecast older than this is made again. */
const FORECAST_MAX_AGE_MS = 20 * 3_600_000;
/** Units whose forecast is remade per transaction. */
const REFRESH_BATCH = 50;

/** A unit's capacity per day: configured, or forecast from its own delivery, and the stored days to come kept to it. */
@Injectable()
export class UnitCapacityService {
  private readonly logger = new Logger(UnitCapacityService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly adUnits: AdUnitRepository,
    private readonly history: UnitDeliveryHistoryRepository,
    private readonly inventory: InventoryDayRepository,
    private readonly calendars: AgencyCalendarRepository,
  ) {}

  /** The unit's forecast from its delivery up to yesterday (agency-local); refused (409) saying why when it has too little. */
  async forecastOf(tenantId: string, adUnitId: string, now = new Date()): Promise<CapacityForecastView> {
    const { timeZone } = await this.calendars.findOfTenant(tenantId);
    const lastDay = dayOfNumber(dayNumber(localDayOf(now, timeZone)) - 1);
    const firstDelivered = await this.history.firstDeliveredDay(tenantId, adUnitId);
    const from = dayOfNumber(dayNumber(lastDay) - FORECAST_MAX_DAYS + 1);
    const delivered = await this.history.impressionsPerDay(tenantId, adUnitId, from, lastDay);
    const outcome = forecastCapacity({ firstDelivered, lastDay, delivered });
    if (!outcome.made) throw new ConflictError(`capacity.mode forecast: ${outcome.reason}`);
    const { historyFrom, historyTo, weekdays } = outcome;
    return { historyFrom, historyTo, madeAt: now.toISOString(), method: FORECAST_METHOD, weekdays };
  }

  /**
   * Moves the unit's stored days from `today` on to the capacity it will have (`next`): refused
   * (409 naming the days) where more is sold or held than that.
   */
  async applyToDaysToCome(
    tx: EntityManager,
    unit: AdUnit,
    next: CapacitySource,
    today: string,
    what: string,
  ): Promise<void> {
    const capacities = capacitiesByWeekday(next);
    if (capacities.every((capacity, i) => capacity === capacitiesByWeekday(unit)[i])) return;
    const over = await this.inventory.daysAboveByWeekday(tx, unit.id, today, capacities);
    if (over.length > 0)
      throw new ConflictError(
        `${what} is below what is sold or held on ${over.slice(0, 31).join(', ')}${over.length > 31 ? ` and ${over.length - 31} more days` : ''}`,
      );
    await this.inventory.setCapacityByWeekday(tx, unit.id, today, capacities, false);
  }

  /**
   * Remakes the forecasts older than a day, each unit in its own short transaction: the unit and
   * its stored days to come take the new lower bounds, never below what is already sold or held
   * on a day. A unit whose history no longer makes one keeps its forecast (logged). Answers how
   * many it remade.
   */
  async refreshForecasts(now = new Date()): Promise<number> {
    const due = await this.adUnits.findForecastsCheckedBefore(
      new Date(now.getTime() - FORECAST_MAX_AGE_MS),
      REFRESH_BATCH,
    );
    let remade = 0;
    for (const { id, tenantId } of due) {
      let forecast: CapacityForecastView;
      try {
        forecast = await this.forecastOf(tenantId, id, now);
      } catch (error) {
        this.logger.warn(`ad unit ${id} keeps its forecast: ${(error as Error).message}`);
        await this.adUnits.markForecastChecked(id, now);
        continue;
      }
      const { timeZone } = await this.calendars.findOfTenant(tenantId);
      await this.dataSource.transaction(async (tx) => {
        const unit = await this.adUnits.findForChange(tx, tenantId, id);
        if (!unit || unit.capacityMode !== 'forecast') return;
        unit.capacityForecast = forecast;
        unit.forecastCheckedAt = now;
        await this.adUnits.save(tx, unit);
        const capacities = capacitiesByWeekday(unit);
        await this.inventory.setCapacityByWeekday(tx, id, localDayOf(now, timeZone), capacities, true);
        remade++;
      });
    }
    return remade;
  }
}
