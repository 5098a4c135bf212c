import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

/** An API key for a licensee: it acts as the `licensee` role for that licensee alone. */
export class LicenseeApiKeyBody {
  @ApiProperty({ example: 'Báo Mới content team' }) @IsString() @Length(1, 100) name!: string;
  @ApiProperty({ required: false }) @IsOptional() @IsInt() @Min(1) @Max(100_000) rateLimitPerMinute?: number;
}
