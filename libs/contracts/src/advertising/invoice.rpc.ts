import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { defineRpc } from '../define-rpc';
import { ByIdRequest } from '../by-id.request';
import { CALENDAR_DAY, CURRENCY_CODE, MINOR_UNITS, NON_NEGATIVE_MINOR_UNITS } from '../money';
import { Nullable } from '../nullable';
import { PAYMENT_RAILS, PaymentRailName } from '../payments/payment-rail';
import { MAX_NET_DAYS, PAYMENT_TERMS, PaymentTerms } from './advertiser.rpc';
import { PRICING_MODELS, PricingModel } from './booking.events';

/**
 * Where an invoice stands, from its money: `open` (something is owed), `paid` (nothing is),
 * `refund-due` (more was paid than is owed: the rest goes back), `void` (all of it credited and
 * nothing paid: a prepaid order canceled unpaid).
 */
export const AD_INVOICE_STATUSES = ['open', 'paid', 'refund-due', 'void'] as const;
export type AdInvoiceStatus = (typeof AD_INVOICE_STATUSES)[number];

/** How money reached an invoice: a payment on a rail (payments service) or a bank transfer naming its reference. */
export const INVOICE_PAYMENT_CHANNELS = ['rail', 'bank'] as const;
export type InvoicePaymentChannel = (typeof INVOICE_PAYMENT_CHANNELS)[number];

/**
 * `due`: to ask the payments service; `requested`: asked, the rail not done yet; `refunded`: the
 * money went back; `refused`: the rail will not (refund it by bank transfer).
 */
export const INVOICE_REFUND_STATUSES = ['due', 'requested', 'refunded', 'refused'] as const;
export type InvoiceRefundStatus = (typeof INVOICE_REFUND_STATUSES)[number];

/** One booking (order line) on the invoice, minor units. */
export class InvoiceBookingView {
  @IsUUID() bookingId!: string;
  @IsUUID() adUnitId!: string;
  @IsIn(PRICING_MODELS) pricingModel!: PricingModel;
  @Matches(CALENDAR_DAY) flightStart!: string;
  @Matches(CALENDAR_DAY) flightEnd!: string;
  @Matches(NON_NEGATIVE_MINOR_UNITS) taxable!: string;
  @IsInt() @Min(0) vatRateBp!: number;
  @Matches(NON_NEGATIVE_MINOR_UNITS) vat!: string;
  @Matches(NON_NEGATIVE_MINOR_UNITS) total!: string;
  /** Taken off by a cancellation, VAT included. */
  @Matches(NON_NEGATIVE_MINOR_UNITS) credited!: string;
}

export class InvoicePaymentView {
  @IsUUID() id!: string;
  @IsIn(INVOICE_PAYMENT_CHANNELS) channel!: InvoicePaymentChannel;
  @Nullable() @IsOptional() @IsIn(PAYMENT_RAILS) rail!: PaymentRailName | null;
  @Matches(NON_NEGATIVE_MINOR_UNITS) amount!: string;
  @IsISO8601() paidAt!: string;
}

export class InvoiceRefundView {
  @IsUUID() id!: string;
  @Matches(NON_NEGATIVE_MINOR_UNITS) amount!: string;
  @IsIn(INVOICE_REFUND_STATUSES) status!: InvoiceRefundStatus;
  @Nullable() @IsOptional() @IsString() failure!: string | null;
  @IsISO8601() createdAt!: string;
}

/** An order's invoice: what was billed at approval, what was credited, paid and refunded since. */
export class AdInvoiceView {
  @IsUUID() id!: string;
  @IsUUID() orderId!: string;
  @IsUUID() advertiserId!: string;
  @IsIn(AD_INVOICE_STATUSES) status!: AdInvoiceStatus;
  @IsIn(PAYMENT_TERMS) paymentTerms!: PaymentTerms;
  @Nullable() @IsOptional() @IsInt() @Min(1) @Max(MAX_NET_DAYS) netDays!: number | null;
  @Matches(CURRENCY_CODE) currency!: string;
  @Matches(NON_NEGATIVE_MINOR_UNITS) taxable!: string;
  @Matches(NON_NEGATIVE_MINOR_UNITS) vat!: string;
  /** Billed, VAT included. */
  @Matches(NON_NEGATIVE_MINOR_UNITS) total!: string;
  @Matches(NON_NEGATIVE_MINOR_UNITS) credited!: string;
  @Matches(NON_NEGATIVE_MINOR_UNITS) paid!: string;
  @Matches(NON_NEGATIVE_MINOR_UNITS) refunded!: string;
  /** total − credited − (paid − refunded): owed when positive, owed back when negative. */
  @Matches(MINOR_UNITS) balance!: string;
  /** The agency-local day it is due: the pay-by day for prepay, the invoice day plus net days otherwise. */
  @Matches(CALENDAR_DAY) dueOn!: string;
  /** What a bank transfer paying it must say in its description, so that reconciliation finds it. */
  @IsString() transferReference!: string;
  /** Where a prepaid invoice is paid on the agency's rails; null for invoice terms, or until the payments service answers. */
  @Nullable() @IsOptional() @IsString() payPageUrl!: string | null;
  @ValidateNested({ each: true }) @Type(() => InvoiceBookingView) bookings!: InvoiceBookingView[];
  @ValidateNested({ each: true }) @Type(() => InvoicePaymentView) payments!: InvoicePaymentView[];
  @ValidateNested({ each: true }) @Type(() => InvoiceRefundView) refunds!: InvoiceRefundView[];
  @IsISO8601() issuedAt!: string;
}

export class AdInvoiceListResponse {
  @ValidateNested({ each: true }) @Type(() => AdInvoiceView) items!: AdInvoiceView[];
}

export class ListAdInvoicesRequest {
  @IsOptional() @IsIn(AD_INVOICE_STATUSES) status?: AdInvoiceStatus;
  /** Staff only; an advertiser's key lists its own whatever it says. */
  @IsOptional() @IsUUID() advertiserId?: string;
  @IsOptional() @IsUUID() orderId?: string;
}

const STAFF_FINANCE_AND_ADVERTISER = ['admin', 'adops', 'finance', 'advertiser'] as const;

export const ListAdInvoices = defineRpc({
  subject: 'advertising.invoice.list.v1',
  request: ListAdInvoicesRequest,
  response: AdInvoiceListResponse,
  description: "Orders' invoices, newest first (at most 100); an advertiser's key sees only its own.",
  roles: [...STAFF_FINANCE_AND_ADVERTISER],
});

export const GetAdInvoice = defineRpc({
  subject: 'advertising.invoice.get.v1',
  request: ByIdRequest,
  response: AdInvoiceView,
  description: "One invoice with its bookings, payments and refunds; an advertiser's key sees only its own.",
  roles: [...STAFF_FINANCE_AND_ADVERTISER],
});
