import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsTimeZone, Length, Matches } from 'class-validator';

export class CreateTenantRequest {
  @ApiProperty({ example: 'Báo Tin Nhanh' }) @IsString() @Length(1, 200) name!: string;
  @ApiProperty({ example: 'tin-nhanh', description: 'lowercase letters, digits and dashes; unique' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'slug must be 2-63 lowercase letters, digits or dashes' })
  slug!: string;
  @ApiProperty({ required: false, example: 'VND' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'defaultCurrency must be an ISO 4217 code' })
  defaultCurrency?: string;
  @ApiProperty({ required: false, example: 'Asia/Ho_Chi_Minh' }) @IsOptional() @IsTimeZone() timeZone?: string;
  @ApiProperty({ required: false, enum: ['vi', 'en'] }) @IsOptional() @IsIn(['vi', 'en']) locale?: 'vi' | 'en';
}

export class TenantView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() defaultCurrency!: string;
  @ApiProperty() timeZone!: string;
  @ApiProperty() locale!: string;
  @ApiProperty() createdAt!: Date;
}
