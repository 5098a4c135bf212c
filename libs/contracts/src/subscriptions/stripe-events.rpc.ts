import { IsBoolean, IsString, Length } from 'class-validator';
import { defineRpc } from '../define-rpc';

/** A webhook delivery as Stripe sent it: the raw body is what the signature covers. */
export class ReceiveStripeEventRequest {
  @IsString() @Length(1, 1024 * 1024) payload!: string;
  @IsString() @Length(1, 2000) signature!: string;
}

export class ReceiveStripeEventResponse {
  @IsBoolean() received!: boolean;
  /** True when this event id was received before (Stripe retries); nothing changes. */
  @IsBoolean() duplicate!: boolean;
}

export const ReceiveStripeEvent = defineRpc({
  subject: 'subscriptions.stripe-event.receive.v1',
  request: ReceiveStripeEventRequest,
  response: ReceiveStripeEventResponse,
  description: 'Verifies a Stripe webhook with the agency signing secret and stores it for processing.',
});
