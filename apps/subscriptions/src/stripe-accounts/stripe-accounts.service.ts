import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  AuditTrail,
  ConflictError,
  CredentialCipher,
  CredentialOpener,
  toFieldErrors,
  ValidationFailedError,
} from '@libs/common';
import { ConfigureStripeAccountRequest, StripeAccountCredentials, StripeAccountView } from '@libs/contracts';
import { SubscriptionsEnv } from '../config/subscriptions.config';
import { ProviderAccount } from '../payments/provider-account';
import { StripeAccountRepository } from './stripe-account.repository';

/**
 * Agencies' Stripe credentials, sealed per agency (see CredentialCipher). At start, every account
 * sealed by another key than the current one (or before keys had ids) is sealed again with the
 * current key, in the background: after every instance has restarted with a new key first in
 * `CREDENTIALS_KEY`, the old key can leave the list.
 */
@Injectable()
export class StripeAccountsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(StripeAccountsService.name);
  private readonly cipher: CredentialCipher;
  private readonly opener: CredentialOpener;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly accounts: StripeAccountRepository,
    env: SubscriptionsEnv,
  ) {
    this.cipher = new CredentialCipher(env.CREDENTIALS_KEY);
    this.opener = new CredentialOpener(env.CREDENTIALS_SEALING_KEY);
  }

  onApplicationBootstrap(): void {
    void this.resealAll().catch((error: Error) => this.logger.error(`re-sealing credentials failed: ${error.message}`));
  }

  /** Seals again, with the current key, every account sealed otherwise; answers how many changed. */
  async resealAll(): Promise<number> {
    let resealed = 0;
    for (const account of await this.accounts.findAll()) {
      const { tenantId, secretKeySealed, webhookSecretSealed } = account;
      if (!this.cipher.needsResealing(secretKeySealed) && !this.cipher.needsResealing(webhookSecretSealed)) continue;
      const sealedAgain = {
        secretKeySealed: this.cipher.encrypt(this.cipher.decrypt(secretKeySealed, tenantId), tenantId),
        webhookSecretSealed: this.cipher.encrypt(this.cipher.decrypt(webhookSecretSealed, tenantId), tenantId),
      };
      // Only if unchanged meanwhile: new credentials configured since the read win.
      if (await this.accounts.replaceSealedIfUnchanged(account, sealedAgain)) resealed += 1;
    }
    if (resealed > 0)
      this.logger.log(`sealed ${resealed} accounts' credentials again with key ${this.cipher.currentKeyId}`);
    return resealed;
  }

  /** The credentials the gateway sealed for this service and this agency, checked as the admin sent them. */
  private async openCredentials(tenantId: string, sealed: string): Promise<StripeAccountCredentials> {
    const opened = await this.opener.open(tenantId, sealed).catch((error: Error) => {
      throw new ValidationFailedError([{ field: 'sealedCredentials', message: error.message }]);
    });
    const credentials = plainToInstance(StripeAccountCredentials, opened);
    const errors = validateSync(credentials, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) throw new ValidationFailedError(toFieldErrors(errors));
    return credentials;
  }

  async configure(tenantId: string, sealed: ConfigureStripeAccountRequest): Promise<StripeAccountView> {
    const request = await this.openCredentials(tenantId, sealed.sealedCredentials);
    const before = await this.view(tenantId);
    await this.dataSource.transaction(async (tx) => {
      const account = await this.accounts.save(tx, {
        tenantId,
        secretKeySealed: this.cipher.encrypt(request.secretKey, tenantId),
        webhookSecretSealed: this.cipher.encrypt(request.webhookSecret, tenantId),
        mode: request.secretKey.startsWith('sk_live_') ? 'live' : 'test',
        keyLast4: request.secretKey.slice(-4),
      });
      // Never the secrets: which key (mode, last four) is enough to tell one from another.
      const after = { configured: true, mode: account.mode, keyLast4: account.keyLast4 };
      await this.audit.record(tx, {
        tenantId,
        action: 'stripe-account.configured',
        targetType: 'stripe-account',
        targetId: tenantId,
        before: { configured: before.configured, mode: before.mode, keyLast4: before.keyLast4 },
        after,
      });
    });
    return this.view(tenantId);
  }

  async view(tenantId: string): Promise<StripeAccountView> {
    const account = await this.accounts.findOfTenant(tenantId);
    if (!account) return { configured: false, mode: null, keyLast4: null, updatedAt: null };
    return {
      configured: true,
      mode: account.mode,
      keyLast4: account.keyLast4,
      updatedAt: account.updatedAt.toISOString(),
    };
  }

  /** The decrypted credentials, for the payment adapter only. */
  async providerAccountOf(tenantId: string): Promise<ProviderAccount> {
    const account = await this.findProviderAccountOf(tenantId);
    if (!account) throw new ConflictError('configure the Stripe account first (PUT /v1/subscriptions/stripe-account)');
    return account;
  }

  /** The decrypted credentials, or null when the agency has not configured its account. */
  async findProviderAccountOf(tenantId: string): Promise<ProviderAccount | null> {
    const account = await this.accounts.findOfTenant(tenantId);
    if (!account) return null;
    return {
      tenantId,
      secretKey: this.cipher.decrypt(account.secretKeySealed, tenantId),
      webhookSecret: this.cipher.decrypt(account.webhookSecretSealed, tenantId),
    };
  }
}
