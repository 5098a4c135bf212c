import { Injectable } from '@nestjs/common';
import { ConflictError, ForbiddenError, UnavailableError } from '@libs/common';
import { StripeApiRequest, StripeApiResponse } from '@libs/contracts';
import { PaymentsEnv } from '../config/payments.config';
import { isStripeBillingRequest } from './stripe-billing-paths';
import { StripeAccountsService } from './stripe-accounts.service';

const STRIPE_API = 'https://api.stripe.com';

/** What of Stripe's answer the SDK reads besides the body: its request id, replays, retry advice. */
const RELAYED_HEADERS = ['request-id', 'idempotent-replayed', 'stripe-should-retry', 'retry-after'] as const;

/**
 * Stripe's answers travel back over the bus, whose messages are at most 1 MiB: a page of 100
 * expanded objects stays well below; an answer larger than this is refused rather than cut.
 */
const RELAYED_BODY_MAX = 900 * 1024;

/**
 * Stripe's API for the suite: the one place that adds an agency's secret key to a request. A
 * request subscriptions built with the `stripe` SDK (no key in it) is sent as it is, if it is one
 * of Stripe Billing's, and Stripe's answer comes back as it came, for the SDK to read.
 */
@Injectable()
export class StripeApiRelayService {
  private readonly apiBase: string;
  private readonly timeoutMs: number;

  constructor(
    private readonly accounts: StripeAccountsService,
    env: PaymentsEnv,
  ) {
    this.apiBase = env.STRIPE_API_URL || STRIPE_API;
    this.timeoutMs = env.STRIPE_TIMEOUT_MS;
  }

  async send(tenantId: string, request: StripeApiRequest): Promise<StripeApiResponse> {
    if (!isStripeBillingRequest(request.method, request.path))
      throw new ForbiddenError(`${request.method} ${request.path.split('?', 1)[0]} is not a Stripe Billing request`);
    const account = await this.accounts.credentialsOf(tenantId);
    let response: Response;
    try {
      response = await fetch(`${this.apiBase}${request.path}`, {
        method: request.method,
        headers: {
          authorization: `Bearer ${account.secretKey}`,
          'user-agent': 'revenue-suite-payments',
          ...(request.method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
          ...(request.idempotencyKey ? { 'idempotency-key': request.idempotencyKey } : {}),
          ...(request.stripeVersion ? { 'stripe-version': request.stripeVersion } : {}),
        },
        body: request.method === 'POST' ? request.body : undefined,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      // Nothing is known to have happened at Stripe: the SDK retries with the same idempotency key.
      throw new UnavailableError(`Stripe could not be reached (${causeOf(error)})`, 1);
    }
    const body = await response.text();
    if (Buffer.byteLength(body) > RELAYED_BODY_MAX)
      throw new ConflictError(
        `Stripe's answer to ${request.path.split('?', 1)[0]} is too large to relay; ask for a smaller page`,
      );
    const headers: Record<string, string> = {};
    for (const name of RELAYED_HEADERS) {
      const value = response.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    return { status: response.status, headers, body };
  }
}

function causeOf(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'no answer in time';
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
