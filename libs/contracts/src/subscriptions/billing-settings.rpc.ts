import { ArrayMaxSize, IsIn, IsInt, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { defineRpc } from '../define-rpc';
import { TenantScopedRequest } from '../by-id.request';

export class DunningPolicyView {
  /** Days after the first failed payment on which the charge is retried. */
  @IsInt({ each: true }) @Min(1, { each: true }) retryDays!: number[];
  /** Days during which a past-due reader keeps access. */
  @IsInt() @Min(0) @Max(60) graceDays!: number;
  @IsIn(['cancel', 'pause']) afterFinalFailure!: 'cancel' | 'pause';
}

export class BillingSettingsView {
  @IsUUID() tenantId!: string;
  @Matches(/^[A-Z]{3}$/) defaultCurrency!: string;
  @ValidateNested() @Type(() => DunningPolicyView) dunning!: DunningPolicyView;
  /**
   * How many days before a period ends the suite issues the next period's invoice and sends the pay
   * link, for subscriptions it bills itself (paid on a domestic rail); the provider's engine keeps its own.
   */
  @IsInt() @Min(1) @Max(30) renewalNoticeDays!: number;
}

export const GetBillingSettings = defineRpc({
  subject: 'subscriptions.billing-settings.get.v1',
  request: TenantScopedRequest,
  response: BillingSettingsView,
  description: "The calling agency's billing defaults: currency, dunning policy and renewal notice.",
  roles: ['admin', 'finance'],
});

export class UpdateDunningRequest {
  /** Days after the first failure on which the charge is retried; their count is the retries allowed. */
  @ArrayMaxSize(8) @IsInt({ each: true }) @Min(1, { each: true }) @Max(60, { each: true }) retryDays!: number[];
  @IsInt() @Min(0) @Max(60) graceDays!: number;
  @IsIn(['cancel', 'pause']) afterFinalFailure!: 'cancel' | 'pause';
}

export const UpdateDunning = defineRpc({
  subject: 'subscriptions.billing-settings.update.v1',
  request: UpdateDunningRequest,
  response: BillingSettingsView,
  description:
    "Changes the agency's dunning policy: retries, grace days, and what happens after the last failed retry.",
  roles: ['admin', 'finance'],
});

export class UpdateRenewalNoticeRequest {
  /** Days before a period ends on which its renewal is billed and the pay link sent (1-30). */
  @IsInt() @Min(1) @Max(30) renewalNoticeDays!: number;
}

export const UpdateRenewalNotice = defineRpc({
  subject: 'subscriptions.billing-settings.update-renewal-notice.v1',
  request: UpdateRenewalNoticeRequest,
  response: BillingSettingsView,
  description:
    'Changes how many days before a period ends the suite bills the renewal of a subscription it bills itself and sends the pay link.',
  roles: ['admin', 'finance'],
});
