import { Module } from '@nestjs/common';
import { AgencyCalendarRepository } from './agency-calendar.repository';

/** Agency-local days: the time zone and currency of an agency. */
@Module({ providers: [AgencyCalendarRepository], exports: [AgencyCalendarRepository] })
export class CalendarModule {}
