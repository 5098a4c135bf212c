import { IsBoolean, IsIn, IsInt, IsString, IsUUID, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { defineRpc } from '../define-rpc';
import { ByIdRequest, TenantScopedRequest } from '../by-id.request';

export const AD_FORMATS = ['display', 'native', 'video', 'sponsorship'] as const;
export type AdFormat = (typeof AD_FORMATS)[number];

export class AdUnitView {
  @IsUUID() id!: string;
  @IsString() code!: string;
  @IsString() name!: string;
  @IsIn(AD_FORMATS) format!: AdFormat;
  @IsInt() @Min(0) width!: number;
  @IsInt() @Min(0) height!: number;
  @IsBoolean() active!: boolean;
}

export class AdUnitListResponse {
  @ValidateNested({ each: true }) @Type(() => AdUnitView) items!: AdUnitView[];
}

export const ListAdUnits = defineRpc({
  subject: 'advertising.ad-unit.list.v1',
  request: TenantScopedRequest,
  response: AdUnitListResponse,
  description: "The calling agency's ad units (inventory positions).",
  roles: ['admin', 'adops'],
});

export const GetAdUnit = defineRpc({
  subject: 'advertising.ad-unit.get.v1',
  request: ByIdRequest,
  response: AdUnitView,
  description: 'One ad unit of the calling agency.',
  roles: ['admin', 'adops'],
});
