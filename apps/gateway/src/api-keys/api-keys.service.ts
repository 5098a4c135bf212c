import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { currentContext, NotFoundError } from '@libs/common';
import { AuditLogService } from '../audit-log/audit-log.service';
import { GatewayEnv } from '../config/gateway.config';
import { LookupCache } from '../lookup-cache/lookup-cache';
import { ApiKey } from './api-key.entity';
import { ApiKeyRepository } from './api-key.repository';
import { newSecretKey } from './api-key-secret';
import { ApiKeyView, CreateApiKeyRequest, CreatedApiKey } from './api-keys.dto';

/** How long a key row is trusted without asking again: a key revoked on another gateway instance stops working here within it (5 s). */
export const KEY_CACHE_MS = 5_000;

@Injectable()
export class ApiKeysService {
  /** Key rows by prefix, for authentication; revoking a key clears this instance's entry at once. */
  private readonly liveKeys: LookupCache<ApiKey>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: ApiKeyRepository,
    private readonly audit: AuditLogService,
    env: GatewayEnv,
  ) {
    this.liveKeys = new LookupCache<ApiKey>(KEY_CACHE_MS, env.CREDENTIAL_CACHE_MAX_ENTRIES);
  }

  /** Key lookups this instance holds, misses included (at most CREDENTIAL_CACHE_MAX_ENTRIES). */
  get cachedLookups(): number {
    return this.liveKeys.size;
  }

  create(tenantId: string, request: CreateApiKeyRequest): Promise<CreatedApiKey> {
    return this.dataSource.transaction((tx) => this.createIn(tx, tenantId, request));
  }

  /** Within the caller's transaction (a new tenant's first key is made with the tenant). */
  async createIn(tx: EntityManager, tenantId: string, request: CreateApiKeyRequest): Promise<CreatedApiKey> {
    const { prefix, secret, hash } = newSecretKey();
    const actor = currentContext()?.actor;
    const key = await this.keys.add(tx, {
      tenantId,
      name: request.name,
      prefix,
      secretHash: hash,
      roles: [...new Set(request.roles)],
      subjectId: request.subjectId ?? null,
      rateLimitPerMinute: request.rateLimitPerMinute ?? null,
      createdBy: actor?.startsWith('user:') ? actor.slice(5) : null,
      revokedAt: null,
    });
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
    const keys = await this.keys.findAllOfTenant(tenantId);
    return keys.map(toView);
  }

  async get(tenantId: string, id: string): Promise<ApiKeyView> {
    const key = await this.keys.findOneOfTenant(tenantId, id);
    if (!key) throw new NotFoundError('API key', id);
    return toView(key);
  }

  async revoke(tenantId: string, id: string): Promise<void> {
    const prefix = await this.dataSource.transaction(async (tx) => {
      const key = await this.keys.findLiveOfTenant(tx, tenantId, id);
      if (!key) throw new NotFoundError('API key', id);
      const before = toView(key);
      key.revokedAt = new Date();
      await this.keys.saveRevocation(tx, key);
      await this.audit.record(tx, {
        tenantId,
        action: 'api-key.revoked',
        targetType: 'api-key',
        targetId: id,
        before,
        after: toView(key),
      });
      return key.prefix;
    });
    // After the commit: a lookup between the forget and the commit would cache the live row again.
    this.liveKeys.forget(prefix);
  }

  /** The live key of a prefix, as authentication needs it: looked up at most once per KEY_CACHE_MS. */
  findLiveByPrefix(prefix: string): Promise<ApiKey | null> {
    return this.liveKeys.get(prefix, () => this.keys.findLiveByPrefix(prefix));
  }
}

function toView(key: ApiKey): ApiKeyView {
  const { id, name, prefix, roles, subjectId, rateLimitPerMinute, createdAt, revokedAt } = key;
  return { id, name, prefix, roles, subjectId, rateLimitPerMinute, createdAt, revokedAt };
}
