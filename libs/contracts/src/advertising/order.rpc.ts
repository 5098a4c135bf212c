import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
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
import { ByIdRequest } from '../by-id.request';
import { CALENDAR_DAY, CURRENCY_CODE, NON_NEGATIVE_MINOR_UNITS } from '../money';
import { Nullable } from '../nullable';
import { MAX_NET_DAYS, PAYMENT_TERMS, PaymentTerms } from './advertiser.rpc';
import { PRICING_MODELS, PricingModel } from './booking.events';
import { LineDelivery } from './line-delivery';
import { LineTargeting, ProposedLine, QuoteView } from './quote.rpc';

export const ORDER_STATUSES = ['draft', 'submitted', 'approved', 'live', 'completed', 'rejected', 'canceled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Hours a new order holds its inventory unless approved, when the order does not say. */
export const DEFAULT_HOLD_HOURS = 48;

export class CreateOrderRequest {
  /** Required for staff; an advertiser's own key books for itself (another id answers 404). */
  @IsOptional() @IsUUID() advertiserId?: string;
  @IsString() @Length(1, 200) name!: string;
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ProposedLine)
  lines!: ProposedLine[];
  /** How long the order holds its inventory until approved (1-168 h, 48 h when not said). */
  @IsOptional() @IsInt() @Min(1) @Max(168) holdHours?: number;
}

export class OrderLineView {
  @IsUUID() id!: string;
  @IsUUID() adUnitId!: string;
  @IsIn(PRICING_MODELS) pricingModel!: PricingModel;
  @Matches(CALENDAR_DAY) flightStart!: string;
  @Matches(CALENDAR_DAY) flightEnd!: string;
  /** Impressions per day: the cpm goal, or each day's whole capacity for whole days and sponsorships. */
  @IsInt() @Min(0) impressionsPerDay!: number;
  @ValidateNested() @Type(() => LineTargeting) targeting!: LineTargeting;
  /** Ad ops' priority, frequency cap and pacing of the line. */
  @ValidateNested() @Type(() => LineDelivery) delivery!: LineDelivery;
  /** The price, as quoted when the order was made. */
  @ValidateNested() @Type(() => QuoteView) quote!: QuoteView;
  /** The takeover the line is one unit of: its lines serve on one page together or not at all. Null otherwise. */
  @Nullable() @IsOptional() @IsUUID() roadblockId!: string | null;
  /** A make-good line: the short line whose shortfall it delivers at no charge; null for a line sold. */
  @Nullable() @IsOptional() @IsUUID() makeGoodOf!: string | null;
}

/** What a takeover (roadblock) order takes: every unit of a page, or the units the booking named, exclusively. */
export class OrderTakeoverView {
  /** The takeover page booked; null when the booking named its units. */
  @Nullable() @IsOptional() @IsUUID() pageId!: string | null;
  @Nullable() @IsOptional() @IsString() pageCode!: string | null;
  /** Shared by the order's lines (`lines[].roadblockId`). */
  @IsUUID() roadblockId!: string;
}

/** The article a sponsored-article order ("bài PR") pays for, and how it is shown. */
export class OrderSponsoredArticleView {
  @IsString() articleUrl!: string;
  @Nullable() @IsOptional() @IsString() articleId!: string | null;
  @IsString() headline!: string;
  /** The agency's sponsored label the teaser carries ("Bài PR", "Sponsored"); the advertiser cannot change it. */
  @IsString() label!: string;
  /** The teaser: a native creative linking to the article, attached to the order's line. */
  @IsUUID() creativeId!: string;
  /** The homepage exposure window, agency-local days (the line's flight). */
  @Matches(CALENDAR_DAY) exposureStart!: string;
  @Matches(CALENDAR_DAY) exposureEnd!: string;
}

/** One change of an order's status: who, why, when. */
export class OrderTransitionView {
  @IsIn(ORDER_STATUSES) from!: OrderStatus;
  @IsIn(ORDER_STATUSES) to!: OrderStatus;
  @IsString() actor!: string;
  @Nullable() @IsOptional() @IsString() reason!: string | null;
  @IsISO8601() at!: string;
}

/** What canceling an approved or live order settled, in minor units of the order's currency. */
export class OrderCancellationView {
  /** Hours from the cancellation to the first line's flight start (negative once it began). */
  @IsInt() noticeHours!: number;
  /** The rate card's penalty on what was not delivered, VAT excluded. */
  @Matches(NON_NEGATIVE_MINOR_UNITS) penalty!: string;
  /** What was delivered and stays billed, VAT excluded. */
  @Matches(NON_NEGATIVE_MINOR_UNITS) delivered!: string;
  /** Taken off the invoice, VAT included: refunded if it was paid, else no longer owed. */
  @Matches(NON_NEGATIVE_MINOR_UNITS) credited!: string;
}

export class OrderView {
  @IsUUID() id!: string;
  @IsUUID() advertiserId!: string;
  @IsString() name!: string;
  @IsIn(ORDER_STATUSES) status!: OrderStatus;
  @Matches(CURRENCY_CODE) currency!: string;
  @ValidateNested({ each: true }) @Type(() => OrderLineView) lines!: OrderLineView[];
  /** Sum of the lines' taxable amounts (after discount and commission), VAT excluded. */
  @Matches(NON_NEGATIVE_MINOR_UNITS) taxable!: string;
  @Matches(NON_NEGATIVE_MINOR_UNITS) vat!: string;
  @Matches(NON_NEGATIVE_MINOR_UNITS) total!: string;
  /** Until when a draft or submitted order holds its inventory; null once approved or ended. */
  @Nullable() @IsOptional() @IsISO8601() holdExpiresAt!: string | null;
  /** What canceling an approved order cost by the rate card's notice bands (VAT excluded); null otherwise. */
  @Nullable() @IsOptional() @Matches(NON_NEGATIVE_MINOR_UNITS) cancellationPenalty!: string | null;
  /** What canceling it settled, once an invoiced order is canceled; null otherwise. */
  @Nullable()
  @IsOptional()
  @ValidateNested()
  @Type(() => OrderCancellationView)
  cancellation!: OrderCancellationView | null;
  /** The advertiser's terms when the order was booked. */
  @IsIn(PAYMENT_TERMS) paymentTerms!: PaymentTerms;
  /** Days from the invoice to its due day, for `invoice` terms; null for `prepay`. */
  @Nullable() @IsOptional() @IsInt() @Min(1) @Max(MAX_NET_DAYS) netDays!: number | null;
  /** Its invoice, once approved. */
  @Nullable() @IsOptional() @IsUUID() invoiceId!: string | null;
  /** A prepaid order not paid by then is canceled and its inventory released; null otherwise. */
  @Nullable() @IsOptional() @IsISO8601() payBy!: string | null;
  /** When a prepaid order was paid in full (it serves from then, within its flight); null until then. */
  @Nullable() @IsOptional() @IsISO8601() paidAt!: string | null;
  @ValidateNested({ each: true }) @Type(() => OrderTransitionView) history!: OrderTransitionView[];
  /** A takeover order: the page or units it takes together; null for other orders. */
  @Nullable() @IsOptional() @ValidateNested() @Type(() => OrderTakeoverView) takeover!: OrderTakeoverView | null;
  /** A sponsored-article order ("bài PR"); null for other orders. */
  @Nullable()
  @IsOptional()
  @ValidateNested()
  @Type(() => OrderSponsoredArticleView)
  sponsoredArticle!: OrderSponsoredArticleView | null;
  @IsISO8601() createdAt!: string;
}

export class OrderListResponse {
  @ValidateNested({ each: true }) @Type(() => OrderView) items!: OrderView[];
}

export class ListOrdersRequest {
  @IsOptional() @IsIn(ORDER_STATUSES) status?: OrderStatus;
  @IsOptional() @IsUUID() advertiserId?: string;
}

/** A change of status with its reason (required to reject or cancel). */
export class OrderTransitionReason {
  @IsOptional() @IsString() @Length(1, 500) reason?: string;
}

export class TransitionOrderRequest extends OrderTransitionReason {
  @IsUUID() id!: string;
}

const STAFF_AND_ADVERTISER = ['admin', 'adops', 'advertiser'] as const;

export const CreateOrder = defineRpc({
  subject: 'advertising.order.create.v1',
  request: CreateOrderRequest,
  response: OrderView,
  description:
    'A draft order: its lines are priced from the rate cards and their impressions held (never beyond capacity) until approved or the hold expires.',
  roles: [...STAFF_AND_ADVERTISER],
});

export const ListOrders = defineRpc({
  subject: 'advertising.order.list.v1',
  request: ListOrdersRequest,
  response: OrderListResponse,
  description: "Orders, newest first (at most 100); an advertiser's key sees only its own.",
  roles: [...STAFF_AND_ADVERTISER],
});

export const GetOrder = defineRpc({
  subject: 'advertising.order.get.v1',
  request: ByIdRequest,
  response: OrderView,
  description: "One order; an advertiser's key sees only its own.",
  roles: [...STAFF_AND_ADVERTISER],
});

export const SubmitOrder = defineRpc({
  subject: 'advertising.order.submit.v1',
  request: TransitionOrderRequest,
  response: OrderView,
  description:
    'A draft goes to ad ops for approval; it keeps holding its inventory. A takeover needs a creative (pending or approved) attached to every unit.',
  roles: [...STAFF_AND_ADVERTISER],
});

export const ApproveOrder = defineRpc({
  subject: 'advertising.order.approve.v1',
  request: TransitionOrderRequest,
  response: OrderView,
  description:
    'Ad ops approve a submitted order: its held impressions become sold, each line is invoiced, and a prepaid order is asked to pay through a pay link (it serves once paid). A takeover needs an approved creative on every unit.',
  roles: ['admin', 'adops'],
});

export const RejectOrder = defineRpc({
  subject: 'advertising.order.reject.v1',
  request: TransitionOrderRequest,
  response: OrderView,
  description: 'Ad ops reject a submitted order, with a reason; its inventory is released.',
  roles: ['admin', 'adops'],
});

export const CancelOrder = defineRpc({
  subject: 'advertising.order.cancel.v1',
  request: TransitionOrderRequest,
  response: OrderView,
  description:
    "Cancels an order before its flight ends, with a reason: its days to come are released; an invoiced order keeps billed what was delivered and the rate card's penalty by notice, and the rest is refunded (prepaid on a rail) or credited. An advertiser cancels only drafts and submitted orders.",
  roles: [...STAFF_AND_ADVERTISER],
});
