import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { SavedTokenStatus } from '@libs/contracts';
import { SavedTokenRecord } from './saved-token-record.entity';

export type NewSavedToken = Omit<SavedTokenRecord, 'id' | 'createdAt' | 'lastUsedAt' | 'revokedAt' | 'status'>;

/** The attempt a rail's binding notification names, and the payer its payment saves a wallet for. */
export interface BindingAttempt {
  tenantId: string;
  paymentId: string;
  attemptId: string;
  rail: SavedTokenRecord['rail'];
  saveTokenFor: string | null;
}

/** Saved wallets: the only code that reads or writes them. */
@Injectable()
export class SavedTokenRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findBindingAttempt(accountId: string, orderReference: string): Promise<BindingAttempt | null> {
    const rows = (await this.dataSource.query(
      `SELECT a.tenant_id AS "tenantId", a.payment_id AS "paymentId", a.id AS "attemptId", a.rail AS "rail",
              p.save_token_for AS "saveTokenFor"
         FROM payments.payment_attempts a JOIN payments.payments p ON p.id = a.payment_id
        WHERE a.account_id = $1 AND a.order_reference = $2`,
      [accountId, orderReference],
    )) as BindingAttempt[];
    return rows[0] ?? null;
  }

  isSavedBy(attemptId: string): Promise<boolean> {
    return this.dataSource.getRepository(SavedTokenRecord).existsBy({ savedByAttemptId: attemptId });
  }

  /** Stores the wallet once per attempt that saved it (a notification sent twice saves it once). */
  async insertOnce(token: NewSavedToken): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(SavedTokenRecord)
      .values({ ...token, status: 'active' })
      .orIgnore()
      .execute();
  }

  findOfTenant(tenantId: string, id: string): Promise<SavedTokenRecord | null> {
    return this.dataSource.getRepository(SavedTokenRecord).findOneBy({ tenantId, id });
  }

  /** Newest first; `before` (a token id) starts the page after that token. */
  findPageOfTenant(
    tenantId: string,
    filter: { payerKey?: string; status?: SavedTokenStatus },
    limit: number,
    before?: string,
  ): Promise<SavedTokenRecord[]> {
    const query = this.dataSource
      .getRepository(SavedTokenRecord)
      .createQueryBuilder('t')
      .where('t.tenant_id = :tenantId', { tenantId })
      .orderBy('t.created_at', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .limit(limit);
    if (filter.payerKey) query.andWhere('t.payer_key = :payerKey', { payerKey: filter.payerKey });
    if (filter.status) query.andWhere('t.status = :status', { status: filter.status });
    if (before)
      query.andWhere(
        '(t.created_at, t.id) < (SELECT b.created_at, b.id FROM payments.saved_tokens b WHERE b.tenant_id = :tenantId AND b.id = :before)',
        { before },
      );
    return query.getMany();
  }

  /** Revokes an active token; answers whether this call did (false: it was already revoked). */
  async revoke(tx: EntityManager, tenantId: string, id: string, at: Date): Promise<boolean> {
    const result = await tx
      .getRepository(SavedTokenRecord)
      .update({ tenantId, id, status: 'active' }, { status: 'revoked', revokedAt: at });
    return (result.affected ?? 0) === 1;
  }

  async markUsed(id: string, at: Date): Promise<void> {
    await this.dataSource.getRepository(SavedTokenRecord).update({ id }, { lastUsedAt: at });
  }

  /** Every saved token's sealed form, to seal again under a new key. */
  findAllSealed(): Promise<Pick<SavedTokenRecord, 'id' | 'tenantId' | 'tokenSealed'>[]> {
    return this.dataSource
      .getRepository(SavedTokenRecord)
      .find({ select: { id: true, tenantId: true, tokenSealed: true } });
  }

  /** Stores the token sealed again, unless it changed since it was read; true when stored. */
  async replaceSealedIfUnchanged(id: string, before: Buffer, after: Buffer): Promise<boolean> {
    const result = (await this.dataSource.query(
      `UPDATE payments.saved_tokens SET token_sealed = $3 WHERE id = $1 AND token_sealed = $2`,
      [id, before, after],
    )) as [unknown, number];
    return result[1] === 1;
  }
}
