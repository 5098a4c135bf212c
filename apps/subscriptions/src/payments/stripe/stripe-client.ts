import { Injectable } from '@nestjs/common';
import Stripe from 'stripe';
import { SubscriptionsEnv } from '../../config/subscriptions.config';
import type { ProviderAccount } from '../provider-account';
import { currentProviderLane } from '../provider-lane';
import { RequestPacer } from './request-pacer';

const RATE_LIMIT_RETRIES = 4;

/**
 * The Stripe SDK for each agency's account, made once per secret key, and the one pace all the
 * Stripe adapters share: every request of this process to one account waits its turn here.
 */
@Injectable()
export class StripeClient {
  private readonly clients = new Map<string, Stripe>();
  private readonly pacer: RequestPacer;
  private readonly apiUrl: URL | null;

  constructor(env: SubscriptionsEnv) {
    this.pacer = new RequestPacer(env.STRIPE_MAX_REQUESTS_PER_S, env.STRIPE_MAX_WAITING_REQUESTS);
    this.apiUrl = env.STRIPE_API_URL ? new URL(env.STRIPE_API_URL) : null;
  }

  /**
   * Paced in the lane of the work in progress ({@link currentProviderLane}), refused at once when
   * that lane's queue is full, and retried with backoff when Stripe still answers 429.
   */
  async call<T>(account: ProviderAccount, request: (stripe: Stripe) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      await this.pacer.wait(account.secretKey, currentProviderLane());
      try {
        return await request(this.sdk(account));
      } catch (error) {
        if (!(error instanceof Stripe.errors.StripeRateLimitError) || attempt >= RATE_LIMIT_RETRIES) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt + Math.random() * 100));
      }
    }
  }

  /** The account's SDK client, unpaced: for the SDK's own auto-paging lists and for signature checks. */
  sdk(account: ProviderAccount): Stripe {
    let client = this.clients.get(account.secretKey);
    if (!client) {
      client = new Stripe(account.secretKey, {
        maxNetworkRetries: 2,
        timeout: 20_000,
        ...(this.apiUrl
          ? {
              host: this.apiUrl.hostname,
              port: Number(this.apiUrl.port || (this.apiUrl.protocol === 'https:' ? 443 : 80)),
              protocol: this.apiUrl.protocol.replace(':', '') as 'http' | 'https',
            }
          : {}),
      });
      this.clients.set(account.secretKey, client);
    }
    return client;
  }
}
