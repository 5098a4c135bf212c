import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { currentContext, RpcClient } from '@libs/common';
import { RelayStripeRequest, SERVICE_ROLES, StripeApiResponse } from '@libs/contracts';

/** Payments waits this long on Stripe (its `STRIPE_TIMEOUT_MS` at most) plus the bus both ways. */
const BUS_MARGIN_MS = 2_000;

/**
 * The `stripe` SDK's transport for one agency: every request the SDK builds goes to payments
 * (`payments.stripe-api.request.v1`), which adds the agency's secret key and sends it to Stripe.
 * Subscriptions never holds a Stripe key; the SDK's own retries, idempotency keys and error
 * types work as they would on a direct connection.
 */
export class StripeRelayHttpClient extends Stripe.HttpClient {
  constructor(
    private readonly rpc: RpcClient,
    private readonly tenantId: string,
  ) {
    super();
  }

  override getClientName(): string {
    return 'payments-relay';
  }

  override async makeRequest(
    _host: string,
    _port: string,
    path: string,
    method: string,
    headers: Record<string, unknown>,
    requestData: string,
    _protocol: string,
    timeout: number,
  ): Promise<StripeRelayResponse> {
    const idempotencyKey = headers['Idempotency-Key'];
    const stripeVersion = headers['Stripe-Version'];
    const answer = await this.rpc.request(
      RelayStripeRequest,
      {
        method: method as 'GET' | 'POST' | 'DELETE',
        path,
        body: requestData ?? '',
        ...(typeof idempotencyKey === 'string' ? { idempotencyKey } : {}),
        ...(typeof stripeVersion === 'string' ? { stripeVersion } : {}),
      },
      {
        tenantId: this.tenantId,
        actor: 'subscriptions:stripe-billing',
        roles: [SERVICE_ROLES.stripeBilling],
        requestId: currentContext()?.requestId ?? randomUUID(),
      },
      { timeoutMs: timeout + BUS_MARGIN_MS },
    );
    return new StripeRelayResponse(answer);
  }
}

class StripeRelayResponse extends Stripe.HttpClientResponse {
  constructor(private readonly answer: StripeApiResponse) {
    super(answer.status, answer.headers);
  }

  override getRawResponse(): StripeApiResponse {
    return this.answer;
  }

  override toStream(): never {
    throw new Error('Stripe answers relayed by payments are JSON, not streams');
  }

  override toJSON(): Promise<unknown> {
    return Promise.resolve(this._parseResponseBody(this.answer.body));
  }
}
