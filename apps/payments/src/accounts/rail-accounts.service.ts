import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AuditTrail,
  BoundedMap,
  ConflictError,
  CredentialCipher,
  CredentialOpener,
  NotFoundError,
  ValidationFailedError,
} from '@libs/common';
import { ConfigurePaymentAccountRequest, PaymentAccountView, PaymentRailName } from '@libs/contracts';
import { PaymentsEnv } from '../config/payments.config';
import { PaymentRail, RailAccount } from '../rails/payment-rail';
import { PaymentRails } from '../rails/payment-rails';
import { savesWallets } from '../rails/saves-wallets';
import { RailAccountRecord } from './rail-account-record.entity';
import { RailAccountRepository } from './rail-account.repository';

/** An account ready to use: its adapter and its opened credentials. */
export interface UsableRailAccount {
  rail: PaymentRail;
  account: RailAccount;
  record: RailAccountRecord;
}

/**
 * Agencies' merchant accounts on the rails. Credentials arrive sealed by the gateway to this
 * service's key, are checked by the rail's adapter, and are kept sealed at rest with the agency's
 * id bound in (CredentialCipher); only this service ever holds them in clear.
 */
@Injectable()
export class RailAccountsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(RailAccountsService.name);
  private readonly cipher: CredentialCipher;
  private readonly opener: CredentialOpener;
  private readonly notificationBaseUrl: string;
  /**
   * Accounts by id, opened, for the notifications' hot path: read and decrypted once a few seconds
   * per instance, not once per notification. A change made here is seen at once; one made on
   * another instance within the TTL.
   */
  private readonly openedById = new BoundedMap<string, UsableRailAccount>({ maxEntries: 10_000, ttlMs: 5_000 });

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly accounts: RailAccountRepository,
    private readonly rails: PaymentRails,
    env: PaymentsEnv,
  ) {
    this.cipher = new CredentialCipher(env.CREDENTIALS_KEY);
    this.opener = new CredentialOpener(env.CREDENTIALS_SEALING_KEY);
    this.notificationBaseUrl = env.PAYMENTS_NOTIFICATION_BASE_URL;
  }

  onApplicationBootstrap(): void {
    void this.resealAll().catch((error: Error) => this.logger.error(`re-sealing credentials failed: ${error.message}`));
  }

  /** Seals again, with the current key, every account sealed by an older one; answers how many changed. */
  async resealAll(): Promise<number> {
    let resealed = 0;
    for (const account of await this.accounts.findAll()) {
      if (!this.cipher.needsResealing(account.credentialsSealed)) continue;
      const opened = this.cipher.decrypt(account.credentialsSealed, account.tenantId);
      if (await this.accounts.replaceSealedIfUnchanged(account, this.cipher.encrypt(opened, account.tenantId)))
        resealed += 1;
    }
    return resealed;
  }

  async configure(tenantId: string, request: ConfigurePaymentAccountRequest): Promise<PaymentAccountView> {
    const rail = this.railNamed(request.rail);
    const opened = await this.opener.open(tenantId, request.sealedCredentials).catch((error: Error) => {
      throw new ValidationFailedError([{ field: 'sealedCredentials', message: error.message }]);
    });
    if (typeof opened !== 'object' || opened === null || Array.isArray(opened))
      throw new ValidationFailedError([{ field: 'credentials', message: 'credentials must be an object' }]);
    if (request.savesWallets && !savesWallets(rail))
      throw new ValidationFailedError([{ field: 'savesWallets', message: `${rail.name} cannot save payers' wallets` }]);
    const checked = rail.checkCredentials(opened as Record<string, string>);
    const before = await this.accounts.findOfTenant(tenantId, request.rail);
    const saved = await this.dataSource.transaction(async (tx) => {
      const account = await this.accounts.save(tx, {
        tenantId,
        rail: request.rail,
        environment: request.environment,
        enabled: request.enabled,
        savesWallets: request.savesWallets ?? false,
        merchantId: checked.merchantId,
        credentialsSealed: this.cipher.encrypt(JSON.stringify(checked.credentials), tenantId),
      });
      // Never the secrets: the merchant id tells one account from another.
      await this.audit.record(tx, {
        tenantId,
        action: 'payment-account.configured',
        targetType: 'payment-account',
        targetId: account.id,
        before: before ? this.auditedOf(before) : null,
        after: this.auditedOf(account),
      });
      return account;
    });
    this.openedById.delete(saved.id);
    return this.viewOf(saved);
  }

  async list(tenantId: string): Promise<PaymentAccountView[]> {
    return (await this.accounts.listOfTenant(tenantId)).map((account) => this.viewOf(account));
  }

  /** The agency's enabled rails that have an adapter. */
  async enabledRails(tenantId: string): Promise<PaymentRailName[]> {
    return (await this.accounts.listOfTenant(tenantId))
      .filter((account) => account.enabled && this.rails.find(account.rail))
      .map((account) => account.rail);
  }

  /** The agency's account on a rail, to take money with; a conflict when it has none or it is disabled. */
  async usableOf(tenantId: string, railName: PaymentRailName): Promise<UsableRailAccount> {
    const record = await this.accounts.findOfTenant(tenantId, railName);
    if (!record || !record.enabled) throw new ConflictError(`the agency takes no payments on ${railName}`);
    return this.usable(record);
  }

  /** An account by id (notifications name it in their URL), enabled or not: a disabled account still settles. */
  async usableById(accountId: string): Promise<UsableRailAccount> {
    const opened = this.openedById.get(accountId);
    if (opened) return opened;
    const record = await this.accounts.findById(accountId);
    if (!record) throw new NotFoundError('payment account', accountId);
    const usable = this.usable(record);
    this.openedById.set(accountId, usable);
    return usable;
  }

  notificationUrlOf(account: Pick<RailAccountRecord, 'id' | 'rail'>): string {
    return `${this.notificationBaseUrl}/v1/notifications/${account.rail}/${account.id}`;
  }

  private usable(record: RailAccountRecord): UsableRailAccount {
    const rail = this.railNamed(record.rail);
    const credentials = JSON.parse(this.cipher.decrypt(record.credentialsSealed, record.tenantId)) as Record<
      string,
      string
    >;
    return {
      rail,
      record,
      account: {
        id: record.id,
        tenantId: record.tenantId,
        rail: record.rail,
        environment: record.environment,
        credentials,
        baseUrl: this.rails.baseUrlOf(rail, record.environment),
      },
    };
  }

  private railNamed(name: PaymentRailName): PaymentRail {
    const rail = this.rails.find(name);
    if (!rail) throw new ValidationFailedError([{ field: 'rail', message: `payments on ${name} are not available` }]);
    return rail;
  }

  private auditedOf(account: RailAccountRecord): Record<string, unknown> {
    return {
      rail: account.rail,
      environment: account.environment,
      enabled: account.enabled,
      savesWallets: account.savesWallets,
      merchantId: account.merchantId,
    };
  }

  private viewOf(account: RailAccountRecord): PaymentAccountView {
    return {
      id: account.id,
      rail: account.rail,
      environment: account.environment,
      enabled: account.enabled,
      savesWallets: account.savesWallets,
      merchantId: account.merchantId,
      notificationUrl: this.notificationUrlOf(account),
      updatedAt: account.updatedAt.toISOString(),
    };
  }
}
