import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsOptional, IsUUID, Min } from 'class-validator';

export class PlanChangeBody {
  @ApiProperty() @IsUUID() planId!: string;
  @ApiProperty({ required: false, description: "unix seconds; pass the preview's to be charged what it showed" })
  @IsOptional()
  @IsInt()
  @Min(0)
  prorationDate?: number;
}
