import { SERVICE_ROLES } from '../roles';
import { IsBoolean, IsString, Length, MinLength } from 'class-validator';
import { MaxBytes } from '../max-bytes.validator';

/** Largest webhook delivery relayed to subscriptions, in bytes (Stripe's events are far smaller). */
export const PROVIDER_NOTIFICATION_MAX_BYTES = 900_000;
import { defineRpc } from '../define-rpc';

/** A webhook delivery as Stripe sent it: the raw body is what the signature covers. */
export class ReceiveProviderNotificationRequest {
  /** In bytes: the payload travels in one NATS message (1 MiB by default) with the signature beside it. */
  @IsString() @MinLength(1) @MaxBytes(PROVIDER_NOTIFICATION_MAX_BYTES) payload!: string;
  @IsString() @Length(1, 2000) signature!: string;
}

export class ReceiveProviderNotificationResponse {
  @IsBoolean() received!: boolean;
  /** True when this event id was received before (Stripe retries); nothing changes. */
  @IsBoolean() duplicate!: boolean;
}

export const ReceiveProviderNotification = defineRpc({
  subject: 'subscriptions.provider-notification.receive.v1',
  request: ReceiveProviderNotificationRequest,
  response: ReceiveProviderNotificationResponse,
  description: 'Verifies a Stripe webhook with the agency signing secret and stores it for processing.',
  roles: [SERVICE_ROLES.providerNotification],
});
