import { IsIn, IsString, IsUUID, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { defineRpc } from '../define-rpc';
import { ByIdRequest, TenantScopedRequest } from '../by-id.request';

export const LICENCE_USES = ['syndication', 'ai-training', 'ai-inference', 'archive'] as const;
export type LicenceUse = (typeof LICENCE_USES)[number];

export class LicenceOfferView {
  @IsUUID() id!: string;
  @IsString() name!: string;
  @IsIn(LICENCE_USES) use!: LicenceUse;
  /** `permit`: offered to licensees on these terms; `prohibit`: refused unless negotiated. */
  @IsIn(['permit', 'prohibit']) stance!: 'permit' | 'prohibit';
  @IsIn(['draft', 'published']) status!: 'draft' | 'published';
}

export class LicenceOfferListResponse {
  @ValidateNested({ each: true }) @Type(() => LicenceOfferView) items!: LicenceOfferView[];
}

export const ListLicenceOffers = defineRpc({
  subject: 'licensing.licence-offer.list.v1',
  request: TenantScopedRequest,
  response: LicenceOfferListResponse,
  description: "The calling agency's licence offers.",
  roles: ['admin', 'editor'],
});

export const GetLicenceOffer = defineRpc({
  subject: 'licensing.licence-offer.get.v1',
  request: ByIdRequest,
  response: LicenceOfferView,
  description: 'One licence offer of the calling agency.',
  roles: ['admin', 'editor'],
});
