import { IsInt, IsString, Min } from 'class-validator';
import { defineRpc } from '../define-rpc';
import { TenantScopedRequest } from '../by-id.request';

export class ProviderSyncResult {
  @IsInt() @Min(0) subscriptionsChecked!: number;
  /** Subscriptions that are not the agency's products (left alone). */
  @IsInt() @Min(0) subscriptionsIgnored!: number;
  @IsInt() @Min(0) invoicesChecked!: number;
  @IsString() finishedAt!: string;
}

export const RunProviderSync = defineRpc({
  subject: 'subscriptions.provider-sync.run.v1',
  request: TenantScopedRequest,
  response: ProviderSyncResult,
  description: "Re-reads the agency's subscriptions and recent paid invoices from the payment provider and repairs drift.",
});
