import { Injectable } from '@nestjs/common';
import Stripe from 'stripe';
import { RpcClient } from '@libs/common';
import { SubscriptionsEnv } from '../../config/subscriptions.config';
import type { ProviderAccount } from '../provider-account';
import { currentProviderLane } from '../provider-lane';
import { RequestPacer } from './request-pacer';
import { StripeRelayHttpClient } from './stripe-relay-http-client';

/** The SDK wants a key; payments adds the agency's real one, so this one never leaves the process. */
const NO_KEY_HERE = 'sk_relayed_by_payments';

const RATE_LIMIT_RETRIES = 4;

/**
 * The Stripe SDK for each agency's account, made once per agency, speaking through payments
 * (StripeRelayHttpClient), and the one pace all the Stripe adapters share: every request of this
 * process to one account waits its turn here.
 */
@Injectable()
export class StripeClient {
  private readonly clients = new Map<string, Stripe>();
  private readonly pacer: RequestPacer;

  constructor(
    private readonly rpc: RpcClient,
    env: SubscriptionsEnv,
  ) {
    this.pacer = new RequestPacer(env.STRIPE_MAX_REQUESTS_PER_S, env.STRIPE_MAX_WAITING_REQUESTS);
  }

  /**
   * Paced in the lane of the work in progress ({@link currentProviderLane}), refused at once when
   * that lane's queue is full, and retried with backoff when Stripe still answers 429.
   */
  async call<T>(account: ProviderAccount, request: (stripe: Stripe) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      await this.pacer.wait(account.tenantId, currentProviderLane());
      try {
        return await request(this.sdk(account));
      } catch (error) {
        if (!(error instanceof Stripe.errors.StripeRateLimitError) || attempt >= RATE_LIMIT_RETRIES) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt + Math.random() * 100));
      }
    }
  }

  /** The account's SDK client, unpaced: for the SDK's own auto-paging lists. */
  sdk(account: ProviderAccount): Stripe {
    let client = this.clients.get(account.tenantId);
    if (!client) {
      client = new Stripe(NO_KEY_HERE, {
        maxNetworkRetries: 2,
        timeout: 20_000,
        httpClient: new StripeRelayHttpClient(this.rpc, account.tenantId),
      });
      this.clients.set(account.tenantId, client);
    }
    return client;
  }
}
