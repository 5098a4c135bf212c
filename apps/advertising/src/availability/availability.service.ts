import { Injectable } from '@nestjs/common';
import { Caller, ValidationFailedError } from '@libs/common';
import { AvailabilityView, GetAvailabilityRequest, MAX_AVAILABILITY_DAYS } from '@libs/contracts';
import { AdUnitsService, toView } from '../ad-units/ad-units.service';
import { capacityOn } from '../ad-units/unit-capacity';
import { advertiserScopeOf } from '../advertisers/advertisers.service';
import { daysFrom, isCalendarDay } from '../calendar/agency-days';
import { AgencyCalendarRepository } from '../calendar/agency-calendar.repository';
import { InventoryDayRepository } from '../inventory/inventory-day.repository';
import { unitDayFigures } from '../inventory/unit-day-availability';

@Injectable()
export class AvailabilityService {
  constructor(
    private readonly adUnits: AdUnitsService,
    private readonly inventory: InventoryDayRepository,
    private readonly calendars: AgencyCalendarRepository,
  ) {}

  async availability(caller: Caller, request: GetAvailabilityRequest): Promise<AvailabilityView> {
    advertiserScopeOf(caller);
    const { from, to } = request;
    const errors = [
      ...(isCalendarDay(from) ? [] : [{ field: 'from', message: 'must be a calendar day' }]),
      ...(isCalendarDay(to) ? [] : [{ field: 'to', message: 'must be a calendar day' }]),
    ];
    if (errors.length === 0 && to < from) errors.push({ field: 'to', message: 'must not be before from' });
    const days = errors.length === 0 ? daysFrom(from, to) : [];
    if (days.length > MAX_AVAILABILITY_DAYS)
      errors.push({ field: 'to', message: `at most ${MAX_AVAILABILITY_DAYS} days at once` });
    const ids = [...new Set(request.adUnitIds)];
    const units = await this.adUnits.findMany(caller.tenantId, ids);
    ids.forEach((id, i) => {
      if (!units.some((unit) => unit.id === id))
        errors.push({ field: `adUnitIds[${i}]`, message: 'must be an ad unit of the agency' });
    });
    if (errors.length > 0) throw new ValidationFailedError(errors);
    const { timeZone } = await this.calendars.findOfTenant(caller.tenantId);
    const stored = await this.inventory.findRange(caller.tenantId, ids, from, to);
    const byKey = new Map(stored.map((row) => [`${row.adUnitId} ${row.day}`, row]));
    return {
      timeZone,
      units: ids.map((id) => {
        const unit = units.find((candidate) => candidate.id === id)!;
        return {
          adUnitId: id,
          code: unit.code,
          capacity: toView(unit).capacity,
          days: days.map((day) => ({
            day,
            ...unitDayFigures(byKey.get(`${id} ${day}`) ?? null, {
              dailyCapacity: capacityOn(unit, day),
              exclusiveSponsorship: unit.exclusiveSponsorship,
            }),
          })),
        };
      }),
    };
  }
}
