import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

export class CancellationBody {
  @ApiProperty({
    description:
      'true: no further period is billed, access until the period ends; false: cancelled now, access ends now',
  })
  @IsBoolean()
  atPeriodEnd!: boolean;
}
