import { Nullable } from '../nullable';
import { IsIn, IsOptional, IsString, IsUUID, Matches, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { defineEvent } from '../define-event';
import { CURRENCY_CODE, NON_NEGATIVE_MINOR_UNITS } from '../money';
import { PAYMENT_RAILS, PaymentRailName } from './payment-rail';
import { PaymentBuyer, PaymentLine, PaymentPurpose } from './payment.rpc';

/** What every payment event says of the payment: who paid what, for what, on which rail. */
class PaymentFacts {
  @IsUUID() paymentId!: string;
  @IsUUID() attemptId!: string;
  @IsIn(PAYMENT_RAILS) rail!: PaymentRailName;
  @ValidateNested() @Type(() => PaymentPurpose) purpose!: PaymentPurpose;
  @Matches(CURRENCY_CODE) currency!: string;
}

/**
 * Money arrived: the amount (VAT included) as the rail confirmed it, and what a Vietnamese
 * e-invoice needs (buyer, lines, VAT).
 */
export class PaymentSucceededEvent extends PaymentFacts {
  @Matches(NON_NEGATIVE_MINOR_UNITS) amount!: string;
  @Matches(NON_NEGATIVE_MINOR_UNITS) vatAmount!: string;
  @IsString() providerTransactionId!: string;
  @Nullable() @IsOptional() @ValidateNested() @Type(() => PaymentBuyer) buyer!: PaymentBuyer | null;
  @ValidateNested({ each: true }) @Type(() => PaymentLine) lines!: PaymentLine[];
  @IsString() succeededAt!: string;
}

export const PaymentSucceeded = defineEvent({
  subject: 'evt.payments.payment.succeeded.v1',
  data: PaymentSucceededEvent,
  description:
    'A payment was paid on a rail (published once per payment): amount, VAT, currency, rail, purpose, buyer and lines.',
});

/** The payer's attempt on a rail failed or was abandoned; the payment stays open until it expires. */
export class PaymentFailedEvent extends PaymentFacts {
  @Matches(NON_NEGATIVE_MINOR_UNITS) amount!: string;
  @IsString() reason!: string;
  @IsString() failedAt!: string;
}

export const PaymentFailed = defineEvent({
  subject: 'evt.payments.payment.failed.v1',
  data: PaymentFailedEvent,
  description:
    "An attempt to pay on a rail failed (declined, cancelled by the payer, or expired), with the rail's reason.",
});

/** Money given back on the rail it was paid on. */
export class PaymentRefundedEvent extends PaymentFacts {
  @IsUUID() refundId!: string;
  /** This refund. */
  @Matches(NON_NEGATIVE_MINOR_UNITS) amount!: string;
  /** Everything refunded of the payment so far, this refund included. */
  @Matches(NON_NEGATIVE_MINOR_UNITS) refundedTotal!: string;
  @Matches(NON_NEGATIVE_MINOR_UNITS) paymentAmount!: string;
  @IsString() providerRefundId!: string;
  @IsString() reason!: string;
  /** The key the stream asked for the refund under (RefundPaymentRequest.refundKey); null when it gave none. */
  @Nullable() @IsOptional() @IsUUID() refundKey?: string | null;
  @IsString() refundedAt!: string;
}

export const PaymentRefunded = defineEvent({
  subject: 'evt.payments.payment.refunded.v1',
  data: PaymentRefundedEvent,
  description: 'A succeeded payment was refunded in full or in part on its rail: this refund and the total so far.',
});
