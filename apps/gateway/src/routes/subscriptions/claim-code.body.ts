import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { PURCHASER_SECRET } from '@libs/contracts';

/** What proves the caller opened the gift checkout whose claim code it asks for. */
export class ClaimCodeBody {
  @ApiProperty({ description: 'The `purchaserSecret` that opening the gift checkout answered' })
  @Matches(PURCHASER_SECRET, { message: 'purchaserSecret must be the purchaserSecret the gift checkout answered' })
  purchaserSecret!: string;
}
