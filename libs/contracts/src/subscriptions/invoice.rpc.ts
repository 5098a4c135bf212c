import { Nullable } from '../nullable';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ByIdRequest } from '../by-id.request';
import { defineRpc } from '../define-rpc';
import { CURRENCY_CODE, MINOR_UNITS, NON_NEGATIVE_MINOR_UNITS } from '../money';
import { LIST_PAGE_MAX } from '../list-page';

export const INVOICE_STATUSES = ['open', 'paid', 'void', 'uncollectible'] as const;

export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** A subscription invoice as the provider issued it, following its lifecycle. */
export class InvoiceView {
  @IsUUID() id!: string;
  @IsUUID() subscriptionId!: string;
  @IsString() providerInvoiceId!: string;
  @IsIn(INVOICE_STATUSES) status!: InvoiceStatus;
  @Matches(CURRENCY_CODE) currency!: string;
  /** Billed, tax included (minor units). */
  @Matches(MINOR_UNITS) amountDue!: string;
  /** Collected so far (minor units). */
  @Matches(MINOR_UNITS) amountPaid!: string;
  @Matches(MINOR_UNITS) tax!: string;
  /**
   * Credit the reader held (from a plan change down) taken off this invoice the suite bills, tax
   * included; already off `amountDue` (which it reduces to no less than 0). Always 0 for the provider's.
   */
  @Matches(NON_NEGATIVE_MINOR_UNITS) creditApplied!: string;
  /** A plan change's prorated difference for the rest of the current period, not a period of its own. */
  @IsBoolean() proration!: boolean;
  /** The provider's fee on the payment (minor units; 0 until paid). */
  @Matches(MINOR_UNITS) providerFee!: string;
  @IsString() servicePeriodStart!: string;
  @IsString() servicePeriodEnd!: string;
  /** Only for invoices sent for payment; null when the card on file is charged. */
  @Nullable() @IsOptional() @IsString() dueDate!: string | null;
  @Nullable() @IsOptional() @IsString() finalizedAt!: string | null;
  @Nullable() @IsOptional() @IsString() paidAt!: string | null;
  @Nullable() @IsOptional() @IsString() voidedAt!: string | null;
  @Nullable() @IsOptional() @IsString() markedUncollectibleAt!: string | null;
  @IsString() recordedAt!: string;
}

export class ListInvoicesRequest {
  @IsOptional() @IsUUID() subscriptionId?: string;
  @IsOptional() @IsIn(INVOICE_STATUSES) status?: InvoiceStatus;
  /** Page size, 1-100 (default 50). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(LIST_PAGE_MAX) limit?: number;
  /** The `nextBefore` of the previous page: the page starts after this invoice. */
  @IsOptional() @IsUUID() before?: string;
}

export class InvoiceListResponse {
  @ValidateNested({ each: true }) @Type(() => InvoiceView) items!: InvoiceView[];
  /** Pass as `before` for the next page; null on the last page. */
  @Nullable() @IsOptional() @IsUUID() nextBefore!: string | null;
}

export const ListInvoices = defineRpc({
  subject: 'subscriptions.invoice.list.v1',
  request: ListInvoicesRequest,
  response: InvoiceListResponse,
  description: "The agency's subscription invoices, newest first, by subscription and status, a page at a time.",
  roles: ['admin', 'finance'],
});

export const GetInvoice = defineRpc({
  subject: 'subscriptions.invoice.get.v1',
  request: ByIdRequest,
  response: InvoiceView,
  description: 'One subscription invoice.',
  roles: ['admin', 'finance'],
});
