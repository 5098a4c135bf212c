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
}

/** One change of an order's status: who, why, when. */
export class OrderTransitionView {
  @IsIn(ORDER_STATUSES) from!: OrderStatus;
  @IsIn(ORDER_STATUSES) to!: OrderStatus;
  @IsString() actor!: string;
  @Nullable() @IsOptional() @IsString() reason!: string | null;
  @IsISO8601() at!: string;
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
  @ValidateNested({ each: true }) @Type(() => OrderTransitionView) history!: OrderTransitionView[];
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
  description: 'A draft goes to ad ops for approval; it keeps holding its inventory.',
  roles: [...STAFF_AND_ADVERTISER],
});

export const ApproveOrder = defineRpc({
  subject: 'advertising.order.approve.v1',
  request: TransitionOrderRequest,
  response: OrderView,
  description: 'Ad ops approve a submitted order: its held impressions become sold and each line is invoiced.',
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
    "Cancels an order before its flight ends, with a reason: its days to come are released; an approved order's penalty follows the rate card's notice bands. An advertiser cancels only drafts and submitted orders.",
  roles: [...STAFF_AND_ADVERTISER],
});
