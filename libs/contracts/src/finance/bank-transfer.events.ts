import { IsISO8601, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { defineEvent } from '../define-event';
import { CALENDAR_DAY, CURRENCY_CODE, NON_NEGATIVE_MINOR_UNITS } from '../money';
import { Nullable } from '../nullable';

/**
 * A transfer reference: what a payer writes in a bank transfer's description so that the
 * transfer finds what it pays. `RS` and ten characters of Crockford's base32 (digits and capitals
 * without I, L, O, U), which survive Vietnamese banks' descriptions (capitals, no accents, no
 * punctuation). A stream issues them for its own documents (advertising: an order's invoice).
 */
export const TRANSFER_REFERENCE = /^RS[0-9A-HJKMNP-TV-Z]{10}$/;

/** Finds a transfer reference anywhere in a bank line's texts, whatever their case. */
export const TRANSFER_REFERENCE_IN_TEXT = /(?<![0-9A-Za-z])RS[0-9A-HJKMNP-TV-Z]{10}(?![0-9A-Za-z])/i;

/** A credit on the agency's bank statement naming a transfer reference, as finance imported it. */
export class BankTransferReceivedEvent {
  /** Finance's id of the statement line: one event per line, whatever file brought it. */
  @IsUUID() bankLineId!: string;
  @Matches(TRANSFER_REFERENCE) transferReference!: string;
  @Matches(CURRENCY_CODE) currency!: string;
  /** Credited, minor units. */
  @Matches(NON_NEGATIVE_MINOR_UNITS) amount!: string;
  /** The day the bank booked it. */
  @Matches(CALENDAR_DAY) bookedOn!: string;
  /** The bank's own reference of the line. */
  @IsString() bankReference!: string;
  @Nullable() @IsOptional() @IsString() counterparty!: string | null;
  @IsISO8601() importedAt!: string;
}

export const BankTransferReceived = defineEvent({
  subject: 'evt.finance.bank-transfer.received.v1',
  data: BankTransferReceivedEvent,
  description:
    "A credit on the agency's bank statement names a transfer reference (once per statement line, when imported); the stream that issued the reference applies it.",
});
