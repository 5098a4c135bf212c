import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { CALENDAR_DAY } from '@libs/contracts';

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/** The query of an availability question: units (comma-separated ids), first and last agency-local day. */
export class AvailabilityQuery {
  @ApiProperty({ description: 'ad unit ids, comma-separated (1-20)' })
  @Matches(new RegExp(`^${UUID}(,${UUID}){0,19}$`), { message: 'must be 1-20 ad unit ids, comma-separated' })
  adUnitIds!: string;
  @ApiProperty({ example: '2027-02-06' })
  @Matches(CALENDAR_DAY, { message: 'must be a day, YYYY-MM-DD' })
  from!: string;
  @ApiProperty({ example: '2027-02-12' }) @Matches(CALENDAR_DAY, { message: 'must be a day, YYYY-MM-DD' }) to!: string;
}
