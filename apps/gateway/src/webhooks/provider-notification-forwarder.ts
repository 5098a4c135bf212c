import { Injectable, Logger } from '@nestjs/common';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TITLES, problemType } from '@libs/common';
import { MessageHeader } from '@libs/contracts';
import { GatewayEnv } from '../config/gateway.config';

/** What payments answered, to be passed on to the provider unchanged. */
export interface ForwardedAnswer {
  status: number;
  contentType: string;
  body: string;
}

/**
 * Passes a Stripe webhook sent to the gateway's old URL to payments' notification port over HTTP, the exact bytes and
 * the signature, and brings its answer back: no size limit of the bus on the way, and when the
 * receiver cannot be reached the answer says so (503 naming the cause, so the provider retries).
 */
@Injectable()
export class ProviderNotificationForwarder {
  private readonly logger = new Logger(ProviderNotificationForwarder.name);
  private readonly receiverUrl: string;
  private readonly timeoutMs: number;

  constructor(env: GatewayEnv) {
    this.receiverUrl = env.PAYMENTS_NOTIFICATION_URL;
    this.timeoutMs = env.RPC_TIMEOUT_MS;
  }

  async forward(path: string, body: Buffer, signature: string, requestId: string): Promise<ForwardedAnswer> {
    try {
      const response = await fetch(`${this.receiverUrl}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'stripe-signature': signature,
          [MessageHeader.requestId]: requestId,
        },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      return {
        status: response.status,
        contentType: response.headers.get('content-type') ?? 'application/json',
        body: await response.text(),
      };
    } catch (error) {
      const cause = causeOf(error);
      this.logger.error(`provider notification not forwarded to ${this.receiverUrl}: ${cause}`);
      return {
        status: 503,
        contentType: PROBLEM_CONTENT_TYPE,
        body: JSON.stringify({
          type: problemType('unavailable'),
          title: PROBLEM_TITLES[503],
          status: 503,
          detail: `the payments service's notification port could not be reached (${cause}); nothing was stored`,
          instance: path,
          requestId,
        }),
      };
    }
  }
}

function causeOf(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'no answer in time';
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
