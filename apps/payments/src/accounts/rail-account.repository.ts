import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { PaymentRailName } from '@libs/contracts';
import { RailAccountRecord } from './rail-account-record.entity';

export type RailAccountFields = Pick<
  RailAccountRecord,
  'tenantId' | 'rail' | 'environment' | 'enabled' | 'savesWallets' | 'merchantId' | 'credentialsSealed'
>;

@Injectable()
export class RailAccountRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Creates or replaces the agency's account on the rail; its id stays (notification URLs hold it). */
  async save(tx: EntityManager, fields: RailAccountFields): Promise<RailAccountRecord> {
    const [row] = (await tx.query(
      `INSERT INTO payments.rail_accounts (tenant_id, rail, environment, enabled, saves_wallets, merchant_id, credentials_sealed)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (tenant_id, rail) DO UPDATE SET environment = EXCLUDED.environment, enabled = EXCLUDED.enabled,
         saves_wallets = EXCLUDED.saves_wallets, merchant_id = EXCLUDED.merchant_id,
         credentials_sealed = EXCLUDED.credentials_sealed, updated_at = now()
       RETURNING id`,
      [
        fields.tenantId,
        fields.rail,
        fields.environment,
        fields.enabled,
        fields.savesWallets,
        fields.merchantId,
        fields.credentialsSealed,
      ],
    )) as { id: string }[];
    return tx.getRepository(RailAccountRecord).findOneByOrFail({ id: row.id });
  }

  findOfTenant(tenantId: string, rail: PaymentRailName): Promise<RailAccountRecord | null> {
    return this.dataSource.getRepository(RailAccountRecord).findOneBy({ tenantId, rail });
  }

  findById(id: string): Promise<RailAccountRecord | null> {
    return this.dataSource.getRepository(RailAccountRecord).findOneBy({ id });
  }

  listOfTenant(tenantId: string): Promise<RailAccountRecord[]> {
    return this.dataSource.getRepository(RailAccountRecord).find({ where: { tenantId }, order: { rail: 'ASC' } });
  }

  findAll(): Promise<RailAccountRecord[]> {
    return this.dataSource.getRepository(RailAccountRecord).find();
  }

  /** Seals again only if nobody configured the account meanwhile. */
  async replaceSealedIfUnchanged(account: RailAccountRecord, credentialsSealed: Buffer): Promise<boolean> {
    const result = (await this.dataSource.query(
      `UPDATE payments.rail_accounts SET credentials_sealed = $3 WHERE id = $1 AND credentials_sealed = $2`,
      [account.id, account.credentialsSealed, credentialsSealed],
    )) as [unknown, number];
    return result[1] === 1;
  }
}
