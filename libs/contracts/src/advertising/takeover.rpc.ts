import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { defineRpc } from '../define-rpc';
import { CALENDAR_DAY, CURRENCY_CODE, NON_NEGATIVE_MINOR_UNITS } from '../money';
import { OrderView } from './order.rpc';
import { QuoteView } from './quote.rpc';
import { MAX_TAKEOVER_UNITS } from './takeover-page.rpc';

/**
 * A takeover (roadblock) as proposed: every unit of a takeover page (`pageId`), or the units named
 * (`adUnitIds`, all of one site), each taken exclusively for every agency-local day of the flight.
 * Exactly one of `pageId` and `adUnitIds`.
 */
export class ProposedTakeover {
  @IsOptional() @IsUUID() pageId?: string;
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TAKEOVER_UNITS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  adUnitIds?: string[];
  @Matches(CALENDAR_DAY, { message: 'must be a day, YYYY-MM-DD' }) flightStart!: string;
  @Matches(CALENDAR_DAY, { message: 'must be a day, YYYY-MM-DD' }) flightEnd!: string;
  /** The advertiser the quote or booking is for (its media agency earns commission); an advertiser's own key acts for itself. */
  @IsOptional() @IsUUID() advertiserId?: string;
}

export class BookTakeoverRequest extends ProposedTakeover {
  @IsString() @Length(1, 200) name!: string;
  /** How long the order holds its units until approved (1-168 h, 48 h when not said). */
  @IsOptional() @IsInt() @Min(1) @Max(168) holdHours?: number;
}

/** A takeover's price: each unit's sponsorship over the flight, from its own rate card, and their sum. */
export class TakeoverQuoteView {
  @Matches(CURRENCY_CODE) currency!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => QuoteView) units!: QuoteView[];
  @Matches(NON_NEGATIVE_MINOR_UNITS) taxable!: string;
  @Matches(NON_NEGATIVE_MINOR_UNITS) vat!: string;
  @Matches(NON_NEGATIVE_MINOR_UNITS) total!: string;
}

const STAFF_AND_ADVERTISER = ['admin', 'adops', 'advertiser'] as const;

export const QuoteTakeover = defineRpc({
  subject: 'advertising.takeover.quote.v1',
  request: ProposedTakeover,
  response: TakeoverQuoteView,
  description:
    "A takeover's price: every unit's sponsorship day price over the flight from its own rate card (seasons, volume discount, commission, VAT), and the sum. Nothing is held.",
  roles: [...STAFF_AND_ADVERTISER],
});

export const BookTakeover = defineRpc({
  subject: 'advertising.takeover.book.v1',
  request: BookTakeoverRequest,
  response: OrderView,
  description:
    'A draft order taking every unit of the page exclusively for every day of the flight, in one transaction: all or none (409 naming each unit and day taken by anyone else). Its lines share a roadblock id, so pages serve all of them or none.',
  roles: [...STAFF_AND_ADVERTISER],
});
