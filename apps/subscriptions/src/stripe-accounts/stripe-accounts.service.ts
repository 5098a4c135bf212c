import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { BoundedMap, ConflictError, currentContext, RpcClient } from '@libs/common';
import { GetStripeAccount, SERVICE_ROLES, StripeAccountConfiguredEvent } from '@libs/contracts';
import { EntityManager } from 'typeorm';
import { ProviderAccount } from '../payments/provider-account';
import { StripeBillingAgencyRepository } from './stripe-billing-agency.repository';

/**
 * Whether an agency bills on Stripe: its Stripe account is payments', which announces it
 * (`StripeAccountConfigured`, recorded here); an account configured a moment ago, whose
 * announcement has not arrived yet, is asked of payments (and remembered a few seconds).
 */
@Injectable()
export class StripeAccountsService {
  private readonly configured = new BoundedMap<string, boolean>({ maxEntries: 10_000, ttlMs: 5_000 });

  constructor(
    private readonly rpc: RpcClient,
    private readonly agencies: StripeBillingAgencyRepository,
  ) {}

  /** Records that the agency bills on Stripe, as payments announced its account. */
  recordConfigured(tx: EntityManager, tenantId: string, account: StripeAccountConfiguredEvent): Promise<void> {
    return this.agencies.record(tx, {
      tenantId,
      mode: account.mode,
      keyLast4: account.keyLast4,
      configuredAt: new Date(account.configuredAt),
    });
  }

  /** The account provider calls are made with; 409 when the agency has not configured one. */
  async providerAccountOf(tenantId: string): Promise<ProviderAccount> {
    if (!(await this.isConfigured(tenantId)))
      throw new ConflictError('configure the Stripe account first (PUT /v1/subscriptions/stripe-account)');
    return { tenantId };
  }

  private async isConfigured(tenantId: string): Promise<boolean> {
    if (this.configured.get(tenantId) || (await this.agencies.exists(tenantId))) return true;
    const view = await this.rpc.request(
      GetStripeAccount,
      {},
      {
        tenantId,
        actor: 'subscriptions:stripe-billing',
        roles: [SERVICE_ROLES.stripeBilling],
        requestId: currentContext()?.requestId ?? randomUUID(),
      },
    );
    // Only a configured account is remembered: one configured a moment later is used at once.
    if (view.configured) this.configured.set(tenantId, true);
    return view.configured;
  }
}
