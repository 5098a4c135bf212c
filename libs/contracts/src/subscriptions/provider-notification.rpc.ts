import { SERVICE_ROLES } from '../roles';
import { IsBoolean, IsString, Length } from 'class-validator';
import { defineRpc } from '../define-rpc';

/** A webhook delivery as Stripe sent it: the raw body is what the signature covers. */
export class ReceiveProviderNotificationRequest {
  @IsString() @Length(1, 1024 * 1024) payload!: string;
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
