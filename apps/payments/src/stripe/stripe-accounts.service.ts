import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  AuditTrail,
  BoundedMap,
  ConflictError,
  CredentialCipher,
  CredentialOpener,
  EventOutbox,
  toFieldErrors,
  ValidationFailedError,
} from '@libs/common';
import {
  ConfigureStripeAccountRequest,
  StripeAccountConfigured,
  StripeAccountCredentials,
  StripeAccountView,
} from '@libs/contracts';
import { PaymentsEnv } from '../config/payments.config';
import { StripeAccountCredentialsInClear } from './stripe-account-credentials';
import { StripeAccount } from './stripe-account.entity';
import { StripeAccountRepository } from './stripe-account.repository';

const NOT_CONFIGURED: StripeAccountView = { configured: false, mode: null, keyLast4: null, updatedAt: null };

/**
 * Agencies' Stripe accounts, owned here as the rails' accounts are: credentials arrive sealed to
 * this service's key (by the gateway, or by subscriptions handing over an account it held
 * before), are checked, and are kept sealed at rest bound to the agency. At start, accounts
 * sealed with another key than the current `CREDENTIALS_KEY` are sealed again.
 */
@Injectable()
export class StripeAccountsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(StripeAccountsService.name);
  private readonly cipher: CredentialCipher;
  private readonly opener: CredentialOpener;
  /** Opened accounts, for every relayed request and webhook: decrypted once a few seconds per instance. */
  private readonly opened = new BoundedMap<string, StripeAccountCredentialsInClear | null>({
    maxEntries: 10_000,
    ttlMs: 5_000,
  });

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly accounts: StripeAccountRepository,
    private readonly outbox: EventOutbox,
    env: PaymentsEnv,
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
      this.logger.log(`sealed ${resealed} Stripe accounts' credentials again with key ${this.cipher.currentKeyId}`);
    return resealed;
  }

  /** An admin's new credentials: they replace the agency's account. */
  async configure(tenantId: string, sealed: ConfigureStripeAccountRequest): Promise<StripeAccountView> {
    const credentials = await this.openCredentials(tenantId, sealed.sealedCredentials);
    await this.store(tenantId, credentials, 'stripe-account.configured');
    return this.view(tenantId);
  }

  /**
   * An account subscriptions held before payments owned Stripe: stored unless the agency already
   * has one here (configured since, or handed over before), which wins. Answers the account kept.
   */
  async adopt(tenantId: string, sealed: ConfigureStripeAccountRequest): Promise<StripeAccountView> {
    const credentials = await this.openCredentials(tenantId, sealed.sealedCredentials);
    if (!(await this.accounts.findOfTenant(tenantId)))
      await this.store(tenantId, credentials, 'stripe-account.adopted');
    return this.view(tenantId);
  }

  async view(tenantId: string): Promise<StripeAccountView> {
    const account = await this.accounts.findOfTenant(tenantId);
    if (!account) return NOT_CONFIGURED;
    return {
      configured: true,
      mode: account.mode,
      keyLast4: account.keyLast4,
      updatedAt: account.updatedAt.toISOString(),
    };
  }

  /** The credentials in clear, for the Stripe adapter; 409 when the agency has no account. */
  async credentialsOf(tenantId: string): Promise<StripeAccountCredentialsInClear> {
    const account = await this.findCredentialsOf(tenantId);
    if (!account) throw new ConflictError('configure the Stripe account first (PUT /v1/subscriptions/stripe-account)');
    return account;
  }

  async findCredentialsOf(tenantId: string): Promise<StripeAccountCredentialsInClear | null> {
    const cached = this.opened.get(tenantId);
    if (cached !== undefined) return cached;
    const account = await this.accounts.findOfTenant(tenantId);
    const opened = account && {
      tenantId,
      secretKey: this.cipher.decrypt(account.secretKeySealed, tenantId),
      webhookSecret: this.cipher.decrypt(account.webhookSecretSealed, tenantId),
    };
    this.opened.set(tenantId, opened);
    return opened;
  }

  private async store(
    tenantId: string,
    credentials: StripeAccountCredentials,
    action: 'stripe-account.configured' | 'stripe-account.adopted',
  ): Promise<void> {
    const before = await this.view(tenantId);
    await this.dataSource.transaction(async (tx) => {
      const account: StripeAccount = await this.accounts.save(tx, {
        tenantId,
        secretKeySealed: this.cipher.encrypt(credentials.secretKey, tenantId),
        webhookSecretSealed: this.cipher.encrypt(credentials.webhookSecret, tenantId),
        mode: credentials.secretKey.startsWith('sk_live_') ? 'live' : 'test',
        keyLast4: credentials.secretKey.slice(-4),
      });
      // Never the secrets: which key (mode, last four) is enough to tell one from another.
      await this.audit.record(tx, {
        tenantId,
        action,
        targetType: 'stripe-account',
        targetId: tenantId,
        before: { configured: before.configured, mode: before.mode, keyLast4: before.keyLast4 },
        after: { configured: true, mode: account.mode, keyLast4: account.keyLast4 },
      });
      await this.outbox.add(tx, StripeAccountConfigured, {
        tenantId,
        subject: tenantId,
        data: {
          mode: account.mode,
          keyLast4: account.keyLast4,
          configuredAt: (account.updatedAt ?? new Date()).toISOString(),
        },
      });
    });
    this.opened.delete(tenantId);
  }

  /** The credentials sealed for this service and this agency, checked as the admin sent them. */
  private async openCredentials(tenantId: string, sealed: string): Promise<StripeAccountCredentials> {
    const opened = await this.opener.open(tenantId, sealed).catch((error: Error) => {
      throw new ValidationFailedError([{ field: 'sealedCredentials', message: error.message }]);
    });
    const credentials = plainToInstance(StripeAccountCredentials, opened);
    const errors = validateSync(credentials, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) throw new ValidationFailedError(toFieldErrors(errors));
    return credentials;
  }
}
