import { Injectable } from '@nestjs/common';
import { DataSource, DeepPartial, EntityManager, IsNull } from 'typeorm';
import { ApiKey } from './api-key.entity';

@Injectable()
export class ApiKeyRepository {
  constructor(private readonly dataSource: DataSource) {}

  add(tx: EntityManager, key: DeepPartial<ApiKey>): Promise<ApiKey> {
    return tx.getRepository(ApiKey).save(tx.getRepository(ApiKey).create(key));
  }

  /** Newest first. */
  findAllOfTenant(tenantId: string): Promise<ApiKey[]> {
    return this.dataSource.getRepository(ApiKey).find({ where: { tenantId }, order: { createdAt: 'DESC' } });
  }

  findOneOfTenant(tenantId: string, id: string): Promise<ApiKey | null> {
    return this.dataSource.getRepository(ApiKey).findOne({ where: { tenantId, id } });
  }

  findLiveOfTenant(tx: EntityManager, tenantId: string, id: string): Promise<ApiKey | null> {
    return tx.getRepository(ApiKey).findOne({ where: { tenantId, id, revokedAt: IsNull() } });
  }

  /** The key a secret names by its prefix, unless revoked. */
  findLiveByPrefix(prefix: string): Promise<ApiKey | null> {
    return this.dataSource.getRepository(ApiKey).findOne({ where: { prefix, revokedAt: IsNull() } });
  }

  async saveRevocation(tx: EntityManager, key: ApiKey): Promise<void> {
    await tx.getRepository(ApiKey).save(key);
  }
}
