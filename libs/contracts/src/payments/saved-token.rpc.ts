import { Nullable } from '../nullable';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { defineRpc } from '../define-rpc';
import { ByIdRequest } from '../by-id.request';
import { LIST_PAGE_MAX } from '../list-page';
import { SERVICE_ROLES } from '../roles';
import { PAYER_KEY, PAYER_KEY_MESSAGE } from './payment.rpc';
import { PAYMENT_RAILS, PaymentRailName } from './payment-rail';

export const SAVED_TOKEN_STATUSES = ['active', 'revoked'] as const;
export type SavedTokenStatus = (typeof SAVED_TOKEN_STATUSES)[number];

/**
 * A payer's wallet saved on a rail, as the API shows it: never the rail's token itself, which only
 * the payments service holds (sealed at rest), only its id and a label a person can recognise.
 */
export class SavedTokenView {
  @IsUUID() id!: string;
  @IsIn(PAYMENT_RAILS) rail!: PaymentRailName;
  /** The payer as the stream named them (`saveTokenFor` of the payment that saved it). */
  @IsString() payerKey!: string;
  /** What the payer would recognise (the wallet, a masked number when the rail gives one). */
  @IsString() label!: string;
  @IsIn(SAVED_TOKEN_STATUSES) status!: SavedTokenStatus;
  /** The payment whose payer saved it. */
  @IsUUID() savedByPaymentId!: string;
  @IsString() createdAt!: string;
  @Nullable() @IsOptional() @IsString() lastUsedAt!: string | null;
  @Nullable() @IsOptional() @IsString() revokedAt!: string | null;
}

export class ListSavedTokensRequest {
  /** Only this payer's tokens. */
  @IsOptional() @Matches(PAYER_KEY, { message: `payerKey ${PAYER_KEY_MESSAGE}` }) payerKey?: string;
  @IsOptional() @IsIn(SAVED_TOKEN_STATUSES) status?: SavedTokenStatus;
  /** Page size, 1-100 (default 50). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(LIST_PAGE_MAX) limit?: number;
  /** The `nextBefore` of the previous page. */
  @IsOptional() @IsUUID() before?: string;
}

export class SavedTokenListResponse {
  @ValidateNested({ each: true }) @Type(() => SavedTokenView) items!: SavedTokenView[];
  @Nullable() @IsOptional() @IsUUID() nextBefore!: string | null;
}

export const ListSavedTokens = defineRpc({
  subject: 'payments.saved-token.list.v1',
  request: ListSavedTokensRequest,
  response: SavedTokenListResponse,
  description: "The agency's payers' saved wallets, newest first, by payer key: ids and labels, never a token.",
  // The stream that bills renewals finds the payer's wallet here before it charges it.
  roles: ['admin', 'finance', SERVICE_ROLES.streamBilling],
});

export const RevokeSavedToken = defineRpc({
  subject: 'payments.saved-token.revoke.v1',
  request: ByIdRequest,
  response: SavedTokenView,
  description: 'Stops a saved wallet from being charged again, and asks its rail to unbind it.',
  roles: ['admin'],
});
