import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class ReopenPeriodBody {
  @ApiProperty({
    example: 'Stripe fee invoice for October arrived late',
    description: 'why the closed month is opened again (3-500 characters)',
  })
  @IsString()
  @Length(3, 500)
  reason!: string;
}
