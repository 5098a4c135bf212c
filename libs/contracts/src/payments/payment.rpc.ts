import { Nullable } from '../nullable';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { defineRpc } from '../define-rpc';
import { ByIdRequest } from '../by-id.request';
import { LIST_PAGE_MAX } from '../list-page';
import { READER_ROLE, SERVICE_ROLES } from '../roles';
import { MaxBytes } from '../max-bytes.validator';
import { CURRENCY_CODE, CURRENCY_MESSAGE, NON_NEGATIVE_MINOR_UNITS, NON_NEGATIVE_MINOR_UNITS_MESSAGE } from '../money';
import { PAYMENT_RAILS, PAYMENT_STREAMS, PaymentRailName, PaymentStream } from './payment-rail';

const POSITIVE_MINOR_UNITS = /^[1-9][0-9]{0,17}$/;
const POSITIVE_MESSAGE = 'must be a positive integer amount in minor units, as a string (99000 VND is "99000")';
/** The secret of a pay link, as the payments service derives it (base64url). */
const PAY_TOKEN = /^[A-Za-z0-9_-]{32,64}$/;
const PAY_TOKEN_MESSAGE = 'payToken must be the token of the payment link';
const WEB_URL = { require_tld: false, protocols: ['http', 'https'], require_protocol: true };
/** A payer as a stream names them: an email, a reader key, an id of its own. */
export const PAYER_KEY = /^[A-Za-z0-9._@+:-]{1,200}$/;
export const PAYER_KEY_MESSAGE = 'must be 1 to 200 letters, digits or . _ @ + : - (an email, a reader key)';

/** What a payment pays for: the stream that asked and its own reference (one payment per reference). */
export class PaymentPurpose {
  @IsIn(PAYMENT_STREAMS) stream!: PaymentStream;
  @Matches(/^[A-Za-z0-9._:-]{1,100}$/, { message: 'reference must be 1 to 100 letters, digits or . _ : -' })
  reference!: string;
  /** Shown to the payer and sent to the rail (accents are removed for rails that refuse them). */
  @IsString() @MaxBytes(255) description!: string;
}

/** Who pays, as a Vietnamese e-invoice will name them; every field is optional. */
export class PaymentBuyer {
  @Nullable() @IsOptional() @IsString() @MaxBytes(200) name!: string | null;
  @Nullable() @IsOptional() @IsEmail() @MaxLength(254) email!: string | null;
  @Nullable()
  @IsOptional()
  @Matches(/^\+?[0-9]{8,15}$/, { message: 'phone must be 8 to 15 digits' })
  phone!: string | null;
  /** Vietnamese tax code (mã số thuế): 10 digits, or 10 and a 3-digit branch suffix. */
  @Nullable()
  @IsOptional()
  @Matches(/^[0-9]{10}(-[0-9]{3})?$/, { message: 'taxCode must be 10 digits, or 10 digits, a dash and 3' })
  taxCode!: string | null;
  @Nullable() @IsOptional() @IsString() @MaxBytes(300) address!: string | null;
}

/** One line of what is paid for, VAT-exclusive, with its VAT. */
export class PaymentLine {
  @IsString() @MaxBytes(200) description!: string;
  @IsInt() @Min(1) @Max(1_000_000) quantity!: number;
  /** Quantity × unit price, VAT excluded. */
  @Matches(NON_NEGATIVE_MINOR_UNITS, { message: `amount ${NON_NEGATIVE_MINOR_UNITS_MESSAGE}` }) amount!: string;
  /** VAT rate in basis points: 1000 is 10 %. */
  @IsInt() @Min(0) @Max(10_000) vatRateBasisPoints!: number;
  @Matches(NON_NEGATIVE_MINOR_UNITS, { message: `vatAmount ${NON_NEGATIVE_MINOR_UNITS_MESSAGE}` }) vatAmount!: string;
}

/**
 * A stream asks for money: the amount (VAT included) in minor units, what it pays for, who pays,
 * where the payer returns, and which rails it may be paid on (the agency's enabled ones if absent).
 * The same purpose asked again answers the payment already made for it.
 */
export class CreatePaymentRequest {
  @Matches(POSITIVE_MINOR_UNITS, { message: `amount ${POSITIVE_MESSAGE}` }) amount!: string;
  @Matches(CURRENCY_CODE, { message: `currency ${CURRENCY_MESSAGE}` }) currency!: string;
  @ValidateNested() @Type(() => PaymentPurpose) purpose!: PaymentPurpose;
  @Nullable() @IsOptional() @ValidateNested() @Type(() => PaymentBuyer) buyer!: PaymentBuyer | null;
  /** When given, their amounts and VAT add up to `amount`. */
  @IsOptional() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => PaymentLine) lines?: PaymentLine[];
  @IsUrl(WEB_URL) @MaxLength(1000) returnUrl!: string;
  @IsOptional() @ArrayMinSize(1) @ArrayUnique() @IsIn(PAYMENT_RAILS, { each: true }) rails?: PaymentRailName[];
  /** How long the payer has, in minutes (at most 90 days: a renewal stays payable through its grace); 60 if absent. */
  @IsOptional() @IsInt() @Min(5) @Max(129_600) expiresInMinutes?: number;
  /**
   * Who pays, in the stream's own words (a buyer's email, a reader key): when given, a rail that can
   * save the payer's wallet (MoMo, where the agency's contract allows it) saves it as this payment is
   * paid, so that later payments can be charged without the payer (`payments.payment.charge-saved-token.v1`).
   */
  @IsOptional() @Matches(PAYER_KEY, { message: PAYER_KEY_MESSAGE }) saveTokenFor?: string;
}

/** `expired`: nobody paid in time (money arriving later for an attempt still counts). */
export const PAYMENT_STATUSES = ['open', 'succeeded', 'expired', 'refunded', 'partially-refunded'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const ATTEMPT_STATUSES = ['started', 'succeeded', 'failed', 'expired'] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

/** One try of the payer on one rail: where to send them, or the QR to show. */
export class PaymentAttemptView {
  @IsUUID() id!: string;
  @IsIn(PAYMENT_RAILS) rail!: PaymentRailName;
  @IsIn(ATTEMPT_STATUSES) status!: AttemptStatus;
  /** The reference the rail knows the attempt by (MoMo orderId, VNPay vnp_TxnRef, payOS orderCode). */
  @IsString() orderReference!: string;
  @Nullable() @IsOptional() @IsString() redirectUrl!: string | null;
  /** The VietQR or wallet QR payload to render, when the rail gives one. */
  @Nullable() @IsOptional() @IsString() qrCode!: string | null;
  @Nullable() @IsOptional() @IsString() providerTransactionId!: string | null;
  @Nullable() @IsOptional() @IsString() failure!: string | null;
  @IsString() createdAt!: string;
}

export class PaymentView {
  @IsUUID() id!: string;
  @IsIn(PAYMENT_STATUSES) status!: PaymentStatus;
  @Matches(NON_NEGATIVE_MINOR_UNITS) amount!: string;
  @Matches(CURRENCY_CODE) currency!: string;
  @Matches(NON_NEGATIVE_MINOR_UNITS) refundedAmount!: string;
  @ValidateNested() @Type(() => PaymentPurpose) purpose!: PaymentPurpose;
  @Nullable() @IsOptional() @ValidateNested() @Type(() => PaymentBuyer) buyer!: PaymentBuyer | null;
  @ValidateNested({ each: true }) @Type(() => PaymentLine) lines!: PaymentLine[];
  /** The rails the payer may choose from. */
  @IsIn(PAYMENT_RAILS, { each: true }) rails!: PaymentRailName[];
  @IsString() returnUrl!: string;
  /** The hosted page where the payer chooses a rail and pays; its secret token is part of it. */
  @IsString() payPageUrl!: string;
  @ValidateNested({ each: true }) @Type(() => PaymentAttemptView) attempts!: PaymentAttemptView[];
  @IsString() createdAt!: string;
  @IsString() expiresAt!: string;
  @Nullable() @IsOptional() @IsString() succeededAt!: string | null;
}

export const CreatePayment = defineRpc({
  subject: 'payments.payment.create.v1',
  request: CreatePaymentRequest,
  response: PaymentView,
  description:
    'Asks for a payment (amount in minor units, VAT included) for a purpose; the same purpose again answers the same payment.',
  roles: ['admin', 'finance', SERVICE_ROLES.streamBilling],
});

export const GetPayment = defineRpc({
  subject: 'payments.payment.get.v1',
  request: ByIdRequest,
  response: PaymentView,
  description: 'One payment of the agency, with its attempts on the rails.',
  roles: ['admin', 'finance'],
});

/** The payer picks a rail on the hosted page; the pay token proves they hold the payment's link. */
export class StartPaymentAttemptRequest {
  @IsUUID() id!: string;
  @Matches(PAY_TOKEN, { message: PAY_TOKEN_MESSAGE }) payToken!: string;
  @IsIn(PAYMENT_RAILS) rail!: PaymentRailName;
  /** A rail's own method: MoMo `captureWallet` or `payWithMethod`; a VNPay bank code such as `VNPAYQR`. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_]{2,30}$/, { message: 'method must be 2 to 30 letters, digits or _' })
  method?: string;
  @IsIn(['vi', 'en']) locale!: 'vi' | 'en';
  /** The payer's address as the gateway saw it (VNPay requires it). */
  @Matches(/^[0-9a-fA-F:.]{2,45}$/, { message: 'clientIp must be an IP address' }) clientIp!: string;
}

export const StartPaymentAttempt = defineRpc({
  subject: 'payments.payment.start-attempt.v1',
  request: StartPaymentAttemptRequest,
  response: PaymentAttemptView,
  description: "Starts the payer's attempt on one rail: a redirect to the wallet or bank, or a QR to scan.",
  roles: [READER_ROLE],
});

/** The payer opens the hosted page; the pay token proves they hold the payment's link. */
export class GetPaymentForPayerRequest {
  @IsUUID() id!: string;
  @Matches(PAY_TOKEN, { message: PAY_TOKEN_MESSAGE }) payToken!: string;
}

/** What the hosted page shows the payer: what they pay and how, never who the buyer is or what the stream knows. */
export class PayerPaymentView {
  @IsUUID() id!: string;
  @IsIn(PAYMENT_STATUSES) status!: PaymentStatus;
  @Matches(NON_NEGATIVE_MINOR_UNITS) amount!: string;
  @Matches(CURRENCY_CODE) currency!: string;
  @IsString() description!: string;
  /** The rails the payer may choose from. */
  @IsIn(PAYMENT_RAILS, { each: true }) rails!: PaymentRailName[];
  @IsString() expiresAt!: string;
  /** The stream's page, where the payer goes once paid. */
  @IsString() returnUrl!: string;
  /** The payer's most recent attempt, if they made one. */
  @Nullable() @IsOptional() @ValidateNested() @Type(() => PaymentAttemptView) latestAttempt!: PaymentAttemptView | null;
}

export const GetPaymentForPayer = defineRpc({
  subject: 'payments.payment.get-for-payer.v1',
  request: GetPaymentForPayerRequest,
  response: PayerPaymentView,
  description: 'The payment as the hosted page shows it to the payer holding its link: amount, rails, status.',
  roles: [READER_ROLE],
});

/** Gives money back: all that is left when `amount` is absent. */
export class RefundPaymentRequest {
  @IsUUID() id!: string;
  @IsOptional() @Matches(POSITIVE_MINOR_UNITS, { message: `amount ${POSITIVE_MESSAGE}` }) amount?: string;
  @IsString() @MaxBytes(255) reason!: string;
  /**
   * The caller's own id for this refund: asked again with the same key (a retry after a lost
   * answer), it answers the refund already asked for, never a second one.
   */
  @IsOptional() @IsUUID() refundKey?: string;
}

export const RefundPayment = defineRpc({
  subject: 'payments.payment.refund.v1',
  request: RefundPaymentRequest,
  response: PaymentView,
  description:
    'Refunds a succeeded payment in full or in part, on the rail it was paid on; the same refundKey again refunds nothing more.',
  roles: ['admin', 'finance', SERVICE_ROLES.streamBilling],
});

export class ListPaymentsRequest {
  @IsOptional() @IsIn(PAYMENT_STATUSES) status?: PaymentStatus;
  @IsOptional() @IsIn(PAYMENT_STREAMS) stream?: PaymentStream;
  /** Page size, 1-100 (default 50). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(LIST_PAGE_MAX) limit?: number;
  /** The `nextBefore` of the previous page: the page starts after this payment. */
  @IsOptional() @IsUUID() before?: string;
}

export class PaymentListResponse {
  @ValidateNested({ each: true }) @Type(() => PaymentView) items!: PaymentView[];
  /** Pass as `before` for the next page; null on the last page. */
  @Nullable() @IsOptional() @IsUUID() nextBefore!: string | null;
}

export const ListPayments = defineRpc({
  subject: 'payments.payment.list.v1',
  request: ListPaymentsRequest,
  response: PaymentListResponse,
  description: "The agency's payments, newest first, by status and stream, a page at a time.",
  roles: ['admin', 'finance'],
});

/**
 * Charges a payment already asked for (its purpose, amount and VAT stay as they were asked) to a
 * payer's saved wallet, without the payer. One charge at a time per payment: asked again while a
 * charge is in flight, or once the payment is paid, it answers the payment as it stands.
 */
export class ChargeSavedTokenRequest {
  /** The payment. */
  @IsUUID() id!: string;
  @IsUUID() savedTokenId!: string;
}

export const ChargeSavedToken = defineRpc({
  subject: 'payments.payment.charge-saved-token.v1',
  request: ChargeSavedTokenRequest,
  response: PaymentView,
  description:
    "Charges an open payment to a payer's saved wallet, without the payer; settled as any attempt (one PaymentSucceeded).",
  roles: ['admin', 'finance', SERVICE_ROLES.streamBilling],
});
