import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { MINOR_UNITS, MINOR_UNITS_MESSAGE } from '@libs/contracts';

export class NewPriceBody {
  @ApiProperty({ example: '109000', description: 'minor units as a string' })
  @Matches(MINOR_UNITS, { message: `unitAmount ${MINOR_UNITS_MESSAGE}` })
  unitAmount!: string;
}
