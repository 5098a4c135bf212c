import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditTrail, CredentialCipher, NotFoundError } from '@libs/common';
import { LIST_PAGE_DEFAULT, ListSavedTokensRequest, SavedTokenListResponse, SavedTokenView } from '@libs/contracts';
import { RailAccountsService, UsableRailAccount } from '../accounts/rail-accounts.service';
import { PaymentsEnv } from '../config/payments.config';
import { SavedTokenClaim } from '../rails/payment-rail';
import { payerReferenceOf } from './payer-reference';
import { SavedTokenRecord } from './saved-token-record.entity';
import { SavedTokenRepository } from './saved-token.repository';

/**
 * Payers' wallets saved on the rails: fetched when a binding is notified, sealed at rest with the
 * agency bound in, opened only to charge. The token never appears in an event, a log line or a
 * view; its id and label do.
 */
@Injectable()
export class SavedTokensService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SavedTokensService.name);
  private readonly cipher: CredentialCipher;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly tokens: SavedTokenRepository,
    private readonly accounts: RailAccountsService,
    env: PaymentsEnv,
  ) {
    this.cipher = new CredentialCipher(env.CREDENTIALS_KEY);
  }

  onApplicationBootstrap(): void {
    void this.resealAll().catch((error: Error) =>
      this.logger.error(`re-sealing saved tokens failed: ${error.message}`),
    );
  }

  /** Seals again, with the current key, every token sealed by an older one (as rail credentials are); answers how many. */
  async resealAll(): Promise<number> {
    let resealed = 0;
    for (const token of await this.tokens.findAllSealed()) {
      if (!this.cipher.needsResealing(token.tokenSealed)) continue;
      const again = this.cipher.encrypt(this.cipher.decrypt(token.tokenSealed, token.tenantId), token.tenantId);
      if (await this.tokens.replaceSealedIfUnchanged(token.id, token.tokenSealed, again)) resealed += 1;
    }
    return resealed;
  }

  /**
   * A verified notification says the payer saved their wallet: the token is fetched from the rail
   * and kept for the payer the payment names, once. Never throws: the payment it paid stands, and
   * a wallet not saved only means the payer pays by link next time.
   */
  async claim(usable: UsableRailAccount, claim: SavedTokenClaim): Promise<void> {
    const { rail, account } = usable;
    try {
      const binding = await this.tokens.findBindingAttempt(account.id, claim.orderReference);
      if (!binding?.saveTokenFor || !rail.claimSavedToken) return;
      if (payerReferenceOf(binding.tenantId, binding.saveTokenFor) !== claim.payerReference) {
        this.logger.warn(`attempt ${binding.attemptId}: the rail bound another payer than the payment names`);
        return;
      }
      if (await this.tokens.isSavedBy(binding.attemptId)) return;
      const saved = await rail.claimSavedToken(account, claim);
      await this.tokens.insertOnce({
        tenantId: binding.tenantId,
        accountId: account.id,
        rail: rail.name,
        payerKey: binding.saveTokenFor,
        payerReference: claim.payerReference,
        tokenSealed: this.cipher.encrypt(saved.providerToken, binding.tenantId),
        label: saved.label,
        savedByPaymentId: binding.paymentId,
        savedByAttemptId: binding.attemptId,
      });
    } catch (error) {
      this.logger.warn(`${rail.name} wallet of order ${claim.orderReference} not saved: ${(error as Error).message}`);
    }
  }

  async list(tenantId: string, request: ListSavedTokensRequest): Promise<SavedTokenListResponse> {
    const limit = request.limit ?? LIST_PAGE_DEFAULT;
    const page = await this.tokens.findPageOfTenant(tenantId, request, limit, request.before);
    return { items: page.map(viewOf), nextBefore: page.length === limit ? page[page.length - 1].id : null };
  }

  /** The token is never charged again; the rail is asked to unbind it, and its refusal changes nothing here. */
  async revoke(tenantId: string, id: string): Promise<SavedTokenView> {
    const token = await this.tokens.findOfTenant(tenantId, id);
    if (!token) throw new NotFoundError('saved token', id);
    const revokedNow = await this.dataSource.transaction(async (tx) => {
      const changed = await this.tokens.revoke(tx, tenantId, id, new Date());
      if (changed)
        await this.audit.record(tx, {
          tenantId,
          action: 'saved-token.revoked',
          targetType: 'saved-token',
          targetId: id,
          before: { status: token.status, label: token.label },
          after: { status: 'revoked', label: token.label },
        });
      return changed;
    });
    if (revokedNow) await this.unbindAtRail(token);
    const revoked = await this.tokens.findOfTenant(tenantId, id);
    return viewOf(revoked ?? token);
  }

  async findOfTenant(tenantId: string, id: string): Promise<SavedTokenRecord | null> {
    return this.tokens.findOfTenant(tenantId, id);
  }

  /** The rail's token, opened for a charge and for nothing else. */
  providerTokenOf(token: SavedTokenRecord): string {
    return this.cipher.decrypt(token.tokenSealed, token.tenantId);
  }

  markUsed(id: string): Promise<void> {
    return this.tokens.markUsed(id, new Date());
  }

  private async unbindAtRail(token: SavedTokenRecord): Promise<void> {
    try {
      const { rail, account } = await this.accounts.usableById(token.accountId);
      await rail.removeSavedToken?.(account, {
        payerReference: token.payerReference,
        providerToken: this.providerTokenOf(token),
      });
    } catch (error) {
      this.logger.warn(`${token.rail} did not unbind saved token ${token.id}: ${(error as Error).message}`);
    }
  }
}

function viewOf(token: SavedTokenRecord): SavedTokenView {
  return {
    id: token.id,
    rail: token.rail,
    payerKey: token.payerKey,
    label: token.label,
    status: token.status,
    savedByPaymentId: token.savedByPaymentId,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}
