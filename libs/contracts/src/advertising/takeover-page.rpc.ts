import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { defineRpc } from '../define-rpc';
import { ByIdRequest, TenantScopedRequest } from '../by-id.request';
import { AD_SLUG, AD_SLUG_MESSAGE } from './ad-unit.rpc';

/** Units one takeover page (and one takeover) may take at once. */
export const MAX_TAKEOVER_UNITS = 20;

/** A page of a site as ad ops sell it whole (e.g. `homepage`): the units a takeover of it takes together. */
export class TakeoverPageView {
  @IsUUID() id!: string;
  @IsUUID() siteId!: string;
  @IsString() code!: string;
  @IsString() name!: string;
  /** Units of the site, each taken exclusively for every day of a takeover. */
  @IsUUID('all', { each: true }) adUnitIds!: string[];
  @IsISO8601() createdAt!: string;
  @IsISO8601() updatedAt!: string;
}

export class TakeoverPageListResponse {
  @ValidateNested({ each: true }) @Type(() => TakeoverPageView) items!: TakeoverPageView[];
}

export class TakeoverPageChanges {
  @IsOptional() @IsString() @Length(1, 200) name?: string;
  /** Units of the page's site; a takeover already booked keeps the units it took. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TAKEOVER_UNITS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  adUnitIds?: string[];
}

export class UpdateTakeoverPageRequest extends TakeoverPageChanges {
  @IsUUID() id!: string;
}

export class CreateTakeoverPageRequest {
  @IsUUID() siteId!: string;
  @Matches(AD_SLUG, { message: AD_SLUG_MESSAGE }) code!: string;
  @IsString() @Length(1, 200) name!: string;
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TAKEOVER_UNITS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  adUnitIds!: string[];
}

const STAFF = ['admin', 'adops'] as const;

export const ListTakeoverPages = defineRpc({
  subject: 'advertising.takeover-page.list.v1',
  request: TenantScopedRequest,
  response: TakeoverPageListResponse,
  description: "The agency's takeover pages, by code.",
  roles: [...STAFF],
});

export const GetTakeoverPage = defineRpc({
  subject: 'advertising.takeover-page.get.v1',
  request: ByIdRequest,
  response: TakeoverPageView,
  description: 'One takeover page.',
  roles: [...STAFF],
});

export const CreateTakeoverPage = defineRpc({
  subject: 'advertising.takeover-page.create.v1',
  request: CreateTakeoverPageRequest,
  response: TakeoverPageView,
  description:
    'A named set of units of one site (e.g. homepage) that a takeover takes together; its code is unique in the agency.',
  roles: [...STAFF],
});

export const UpdateTakeoverPage = defineRpc({
  subject: 'advertising.takeover-page.update.v1',
  request: UpdateTakeoverPageRequest,
  response: TakeoverPageView,
  description: 'Renames a takeover page or changes its units (takeovers already booked keep theirs).',
  roles: [...STAFF],
});
