import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConflictError, SERVICE_OPTIONS, ServiceOptions } from '@libs/common';
import { ConfigureStripeAccountRequest, StripeAccountView } from '@libs/contracts';
import { SubscriptionsEnv } from '../config/subscriptions.config';
import { ProviderAccount } from '../payments/payment-provider';
import { CredentialCipher } from './credential-cipher';
import { StripeAccount } from './stripe-account.entity';


@Injectable()
export class StripeAccountsService {
  private readonly cipher: CredentialCipher;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_OPTIONS) options: ServiceOptions,
  ) {
    this.cipher = new CredentialCipher((options.env as SubscriptionsEnv).CREDENTIALS_KEY);
  }

  async configure(tenantId: string, request: ConfigureStripeAccountRequest): Promise<StripeAccountView> {
    const repo = this.dataSource.getRepository(StripeAccount);
    await repo.save(
      repo.create({
        tenantId,
        secretKeySealed: this.cipher.encrypt(request.secretKey),
        webhookSecretSealed: this.cipher.encrypt(request.webhookSecret),
        mode: request.secretKey.startsWith('sk_live_') ? 'live' : 'test',
        keyLast4: request.secretKey.slice(-4),
      }),
    );
    return this.view(tenantId);
  }

  async view(tenantId: string): Promise<StripeAccountView> {
    const account = await this.dataSource.getRepository(StripeAccount).findOne({ where: { tenantId } });
    if (!account) return { configured: false, mode: null, keyLast4: null, updatedAt: null };
    return { configured: true, mode: account.mode, keyLast4: account.keyLast4, updatedAt: account.updatedAt.toISOString() };
  }

  /** The decrypted credentials, for the payment adapter only. */
  async providerAccountOf(tenantId: string): Promise<ProviderAccount> {
    const account = await this.dataSource.getRepository(StripeAccount).findOne({ where: { tenantId } });
    if (!account) throw new ConflictError('configure the Stripe account first (PUT /v1/subscriptions/stripe-account)');
    return { tenantId, secretKey: this.cipher.decrypt(account.secretKeySealed), webhookSecret: this.cipher.decrypt(account.webhookSecretSealed) };
  }
}
