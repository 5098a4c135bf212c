import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { currentContext, NotFoundError } from '@libs/common';
import { AuditLog } from '../audit/audit-log';
import { Authenticator } from '../auth/authenticator';
import { ApiKey } from './api-key.entity';
import { newSecretKey } from './api-key-secret';
import { ApiKeyView, CreateApiKeyRequest, CreatedApiKey } from './api-keys.dto';

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly authenticator: Authenticator,
  ) {}

  create(tenantId: string, request: CreateApiKeyRequest): Promise<CreatedApiKey> {
    return this.dataSource.transaction((tx) => this.createIn(tx, tenantId, request));
  }

  /** Within the caller's transaction (a new tenant's first key is made with the tenant). */
  async createIn(tx: EntityManager, tenantId: string, request: CreateApiKeyRequest): Promise<CreatedApiKey> {
    const { prefix, secret, hash } = newSecretKey();
    const actor = currentContext()?.actor;
    const key = await tx.getRepository(ApiKey).save(
      tx.getRepository(ApiKey).create({
        tenantId,
        name: request.name,
        prefix,
        secretHash: hash,
        roles: [...new Set(request.roles)],
        subjectId: request.subjectId ?? null,
        rateLimitPerMinute: request.rateLimitPerMinute ?? null,
        createdBy: actor?.startsWith('user:') ? actor.slice(5) : null,
        revokedAt: null,
      }),
    );
    const view = toView(key);
    await this.audit.record(tx, {
      tenantId,
      action: 'api-key.created',
      targetType: 'api-key',
      targetId: key.id,
      after: view,
    });
    return { ...view, secret };
  }

  async list(tenantId: string): Promise<ApiKeyView[]> {
    const keys = await this.dataSource
      .getRepository(ApiKey)
      .find({ where: { tenantId }, order: { createdAt: 'DESC' } });
    return keys.map(toView);
  }

  async get(tenantId: string, id: string): Promise<ApiKeyView> {
    const key = await this.dataSource.getRepository(ApiKey).findOne({ where: { tenantId, id } });
    if (!key) throw new NotFoundError('API key', id);
    return toView(key);
  }

  async revoke(tenantId: string, id: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const key = await tx.getRepository(ApiKey).findOne({ where: { tenantId, id, revokedAt: IsNull() } });
      if (!key) throw new NotFoundError('API key', id);
      const before = toView(key);
      key.revokedAt = new Date();
      await tx.getRepository(ApiKey).save(key);
      await this.audit.record(tx, {
        tenantId,
        action: 'api-key.revoked',
        targetType: 'api-key',
        targetId: id,
        before,
        after: toView(key),
      });
      this.authenticator.forgetKey(key.prefix);
    });
  }
}

function toView(key: ApiKey): ApiKeyView {
  const { id, name, prefix, roles, subjectId, rateLimitPerMinute, createdAt, revokedAt } = key;
  return { id, name, prefix, roles, subjectId, rateLimitPerMinute, createdAt, revokedAt };
}
