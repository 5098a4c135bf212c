import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CredentialCipher, CredentialSealer, RpcClient } from '@libs/common';
import { AdoptStripeAccount, SERVICE_ROLES } from '@libs/contracts';
import { SubscriptionsEnv } from '../config/subscriptions.config';
import { StripeAccountRepository } from './stripe-account.repository';

/** How long to wait before trying again when payments could not take an account. */
const RETRY_AFTER_MS = 30_000;

/**
 * The Stripe accounts subscriptions held before payments owned Stripe, handed over once: each is
 * opened with `CREDENTIALS_KEY`, sealed to payments' key and adopted by payments
 * (`payments.stripe-account.adopt.v1`, which keeps an account the agency configured since), and
 * deleted here only after payments answered. Until payments can be reached, it tries again.
 */
@Injectable()
export class StripeAccountHandover implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(StripeAccountHandover.name);
  private readonly cipher: CredentialCipher;
  private readonly sealer: CredentialSealer | null;
  private retry?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly accounts: StripeAccountRepository,
    private readonly rpc: RpcClient,
    env: SubscriptionsEnv,
  ) {
    this.cipher = new CredentialCipher(env.CREDENTIALS_KEY);
    this.sealer = env.PAYMENTS_CREDENTIALS_SEALING_PUBLIC_KEY
      ? new CredentialSealer(env.PAYMENTS_CREDENTIALS_SEALING_PUBLIC_KEY)
      : null;
  }

  onApplicationBootstrap(): void {
    void this.handOverAll();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.retry);
  }

  /** Hands over every account still held here; answers how many payments took. */
  async handOverAll(): Promise<number> {
    let handedOver = 0;
    try {
      const held = await this.accounts.findAll();
      if (held.length > 0 && !this.sealer) {
        this.logger.error(
          `${held.length} Stripe accounts wait to be handed over to payments: set PAYMENTS_CREDENTIALS_SEALING_PUBLIC_KEY`,
        );
        return 0;
      }
      for (const account of held) {
        const { tenantId } = account;
        const sealedCredentials = await this.sealer!.seal(tenantId, {
          secretKey: this.cipher.decrypt(account.secretKeySealed, tenantId),
          webhookSecret: this.cipher.decrypt(account.webhookSecretSealed, tenantId),
        });
        await this.rpc.request(
          AdoptStripeAccount,
          { sealedCredentials },
          { tenantId, actor: 'subscriptions:handover', roles: [SERVICE_ROLES.stripeBilling], requestId: randomUUID() },
        );
        await this.accounts.delete(tenantId);
        handedOver += 1;
      }
      if (handedOver > 0) this.logger.log(`handed ${handedOver} Stripe accounts over to payments`);
    } catch (error) {
      this.logger.warn(`Stripe accounts not all handed over yet (${(error as Error).message}); trying again`);
      if (!this.stopped) this.retry = setTimeout(() => void this.handOverAll(), RETRY_AFTER_MS);
    }
    return handedOver;
  }
}
