import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

/** An API key for an advertiser: it acts as the `advertiser` role for that advertiser alone. */
export class AdvertiserApiKeyBody {
  @ApiProperty({ example: 'Vinamilk media team' }) @IsString() @Length(1, 100) name!: string;
  @ApiProperty({ required: false }) @IsOptional() @IsInt() @Min(1) @Max(100_000) rateLimitPerMinute?: number;
}
