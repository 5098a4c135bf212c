import { Module } from '@nestjs/common';
import { AgencyCalendar } from './agency-calendar';
import { AgencyCalendarRepository } from './agency-calendar.repository';

/** Agencies' calendars: the time zone each keeps its books in (calendar months and days are plain functions beside it). */
@Module({
  providers: [AgencyCalendar, AgencyCalendarRepository],
  exports: [AgencyCalendar],
})
export class CalendarModule {}
