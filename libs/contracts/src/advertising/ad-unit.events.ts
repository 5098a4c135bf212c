import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { defineEvent } from '../define-event';
import { Nullable } from '../nullable';
import { AD_SLUG, MAX_HOUSE_CREATIVES } from './ad-unit.rpc';
import { ServedCreative } from './order-serving.events';

/** What an ad unit serves on its own: where it is, the sizes it takes, its house ads and its passback tag. */
export class AdUnitChangedEvent {
  @IsUUID() adUnitId!: string;
  /** Null for a unit not placed on a site: it serves nothing. */
  @Nullable() @IsOptional() @IsUUID() siteId!: string | null;
  @Matches(AD_SLUG) code!: string;
  @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) sizes!: string[];
  /** An archived unit serves nothing. */
  @IsBoolean() active!: boolean;
  /** The unit's house ads that may serve: the approved ones (a page gets one of a size the unit accepts). */
  @IsArray()
  @ArrayMaxSize(MAX_HOUSE_CREATIVES)
  @ValidateNested({ each: true })
  @Type(() => ServedCreative)
  houseCreatives!: ServedCreative[];
  @Nullable() @IsOptional() @IsString() passbackTag!: string | null;
  /** Per unit, strictly increasing: an older one changes nothing. */
  @IsInt() @Min(1) version!: number;
}

export const AdUnitChanged = defineEvent({
  subject: 'evt.advertising.ad-unit.changed.v1',
  data: AdUnitChangedEvent,
  description:
    'What an ad unit serves when no sold line wins changed (its sizes, site, house ads, passback tag, or a house creative reviewed): advertising follows its own event to keep every instance’s ad memory current.',
});
