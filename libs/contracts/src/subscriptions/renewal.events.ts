import { Nullable } from '../nullable';
import { IsEmail, IsInt, IsOptional, IsString, IsUUID, Matches, Min } from 'class-validator';
import { defineEvent } from '../define-event';
import { CURRENCY_CODE, NON_NEGATIVE_MINOR_UNITS } from '../money';

/** The suite asks a reader to pay the next period of a subscription it bills itself. */
export class RenewalPaymentRequestedEvent {
  @IsUUID() subscriptionId!: string;
  @IsUUID() invoiceId!: string;
  @IsUUID() planId!: string;
  /** The reader (`reader:<id>` or `email:<address>`). */
  @IsString() readerKey!: string;
  /** The reader's address when the agency knows the reader by it; else the agency's mailer looks the reader up. */
  @Nullable() @IsOptional() @IsEmail() email!: string | null;
  /** VAT included (minor units). */
  @Matches(NON_NEGATIVE_MINOR_UNITS) amount!: string;
  @Matches(CURRENCY_CODE) currency!: string;
  /** When the period paid for starts; unpaid then, the subscription is past due. */
  @IsString() dueDate!: string;
  @IsString() servicePeriodStart!: string;
  @IsString() servicePeriodEnd!: string;
  /** The payer's link to the hosted pay page: a secret of the payer, to be sent to the reader only. */
  @IsString() payPageUrl!: string;
  /** 0 for the first request, then 1, 2, ... for the reminders of the dunning policy. */
  @IsInt() @Min(0) reminder!: number;
}

export const RenewalPaymentRequested = defineEvent({
  subject: 'evt.subscriptions.renewal.payment-requested.v1',
  data: RenewalPaymentRequestedEvent,
  description:
    "The next period of a subscription the suite bills is due: the agency's own mailer sends the reader the pay link " +
    '(`payPageUrl` is a secret of the payer: it pays the invoice; never show it to anyone else). ' +
    'Published when the renewal invoice is issued (`reminder` 0) and on each reminder day of the dunning policy.',
});
