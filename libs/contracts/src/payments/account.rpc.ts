import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { defineRpc } from '../define-rpc';
import { TenantScopedRequest } from '../by-id.request';
import { IsCredentialFields } from './credential-fields.validator';
import { PAYMENT_RAILS, PaymentRailName, RAIL_ENVIRONMENTS, RailEnvironment } from './payment-rail';

/**
 * An agency's account on a rail as its admin sends it to the gateway: the credentials are the
 * rail's own fields (MoMo: partnerCode, accessKey, secretKey; VNPay: tmnCode, hashSecret; payOS:
 * clientId, apiKey, checksumKey), checked by the rail's adapter, which names a wrong one.
 */
export class PaymentAccountSettings {
  @IsIn(RAIL_ENVIRONMENTS) environment!: RailEnvironment;
  /** Offered to payers; a disabled account still receives notifications and answers refunds. */
  @IsBoolean() enabled!: boolean;
  /**
   * The agency's contract with the rail lets it save payers' wallets and charge them without the
   * payer (MoMo tokenization, granted per merchant): renewals are then charged to a saved wallet.
   * False when absent; a rail that cannot save wallets refuses true.
   */
  @IsOptional() @IsBoolean() savesWallets?: boolean;
  @IsCredentialFields() credentials!: Record<string, string>;
}

/**
 * The account on the bus: the rail and settings in clear, the credentials sealed by the gateway
 * to the payments service's key (a JWE in compact form, bound to the agency), never in clear.
 */
export class ConfigurePaymentAccountRequest {
  @IsIn(PAYMENT_RAILS) rail!: PaymentRailName;
  @IsIn(RAIL_ENVIRONMENTS) environment!: RailEnvironment;
  @IsBoolean() enabled!: boolean;
  @IsOptional() @IsBoolean() savesWallets?: boolean;
  @MaxLength(8192)
  @Matches(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]*){4}$/, { message: 'sealedCredentials must be a compact JWE' })
  sealedCredentials!: string;
}

/** What the API shows of an account: never a secret. */
export class PaymentAccountView {
  @IsUUID() id!: string;
  @IsIn(PAYMENT_RAILS) rail!: PaymentRailName;
  @IsIn(RAIL_ENVIRONMENTS) environment!: RailEnvironment;
  @IsBoolean() enabled!: boolean;
  /** Payers' wallets are saved on this account and renewals charged to them. */
  @IsBoolean() savesWallets!: boolean;
  /** The merchant's public identifier at the rail (MoMo partner code, VNPay terminal, payOS client id). */
  @IsString() merchantId!: string;
  /** Where the rail must send its notifications (VNPay's IPN URL is registered with VNPay by the agency). */
  @IsString() notificationUrl!: string;
  @IsString() updatedAt!: string;
}

export class PaymentAccountListResponse {
  @ValidateNested({ each: true }) @Type(() => PaymentAccountView) items!: PaymentAccountView[];
}

export class PaymentRailRequest {
  @IsIn(PAYMENT_RAILS) rail!: PaymentRailName;
}

export const ConfigurePaymentAccount = defineRpc({
  subject: 'payments.account.configure.v1',
  request: ConfigurePaymentAccountRequest,
  response: PaymentAccountView,
  description: "Stores the agency's account on one rail (credentials encrypted), or replaces it.",
  roles: ['admin'],
});

export const ListPaymentAccounts = defineRpc({
  subject: 'payments.account.list.v1',
  request: TenantScopedRequest,
  response: PaymentAccountListResponse,
  description: "The agency's accounts on the rails, without their secrets.",
  roles: ['admin', 'finance'],
});
