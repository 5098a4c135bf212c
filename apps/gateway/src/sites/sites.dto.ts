import { ApiProperty } from '@nestjs/swagger';
import { IsFQDN, IsOptional, IsString, Length } from 'class-validator';

export class CreateSiteRequest {
  @ApiProperty({ example: 'Tin Nhanh Online' }) @IsString() @Length(1, 200) name!: string;
  @ApiProperty({ example: 'tinnhanh.vn' })
  @IsFQDN({}, { message: 'domain must be a host name such as tinnhanh.vn' })
  domain!: string;
}

export class UpdateSiteRequest {
  @ApiProperty({ required: false }) @IsOptional() @IsString() @Length(1, 200) name?: string;
  @ApiProperty({ required: false })
  @IsOptional()
  @IsFQDN({}, { message: 'domain must be a host name such as tinnhanh.vn' })
  domain?: string;
}

export class SiteView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() domain!: string;
  @ApiProperty({ description: 'goes in the reader snippet; not a secret' }) publishableKey!: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export class PublicSiteView {
  @ApiProperty() siteId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() domain!: string;
}

export class SiteListResponse {
  @ApiProperty({ type: [SiteView] }) items!: SiteView[];
}
