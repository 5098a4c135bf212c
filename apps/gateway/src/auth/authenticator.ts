import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { timingSafeEqual, createHash } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { SERVICE_OPTIONS, ServiceOptions } from '@libs/common';
import { ApiKey } from '../api-keys/api-key.entity';
import { parseSecretKey, secretMatches } from '../api-keys/api-key-secret';
import { GatewayEnv } from '../config/gateway.config';
import { Site } from '../sites/site.entity';
import { User } from '../users/user.entity';
import { AccessTokens } from './access-tokens';
import { Principal } from './principal';
import { Session } from './session.entity';

const KEY_CACHE_MS = 10_000;

interface Credentials {
  authorization?: string;
  siteKey?: string;
}

/**
 * Turns the credentials of a request into a principal: the operator token, a secret API key,
 * a console JWT (with a live session), or a publishable site key. Key rows are cached for a few
 * seconds; revoking a key clears this instance's cache at once.
 */
@Injectable()
export class Authenticator {
  private readonly operatorDigest: Buffer;
  private readonly idleMs: number;
  private readonly keyCache = new Map<string, { value: ApiKey | null; until: number }>();
  private readonly siteCache = new Map<string, { value: Site | null; until: number }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: AccessTokens,
    @Inject(SERVICE_OPTIONS) options: ServiceOptions,
  ) {
    this.operatorDigest = digest((options.env as GatewayEnv).OPERATOR_TOKEN);
    this.idleMs = (options.env as GatewayEnv).SESSION_IDLE_MINUTES * 60_000;
  }

  async authenticate({ authorization, siteKey }: Credentials): Promise<Principal | null> {
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (!match) throw new UnauthorizedException('Authorization must be "Bearer <key or token>"');
      return this.fromBearer(match[1]);
    }
    if (siteKey) return this.fromSiteKey(siteKey);
    return null;
  }

  forgetKey(prefix: string): void {
    this.keyCache.delete(prefix);
  }

  private async fromBearer(token: string): Promise<Principal> {
    if (timingSafeEqual(digest(token), this.operatorDigest)) return { kind: 'operator', id: 'operator' };
    const parsed = parseSecretKey(token);
    if (parsed) return this.fromApiKey(token, parsed.prefix);
    if (token.startsWith('sk_')) throw new UnauthorizedException('malformed API key');
    return this.fromAccessToken(token);
  }

  private async fromApiKey(secret: string, prefix: string): Promise<Principal> {
    const key = await cachedFor(this.keyCache, prefix, () =>
      this.dataSource.getRepository(ApiKey).findOne({ where: { prefix, revokedAt: IsNull() } }),
    );
    if (!key || !secretMatches(secret, key.secretHash)) throw new UnauthorizedException('unknown or revoked API key');
    return {
      kind: 'api-key',
      id: key.id,
      tenantId: key.tenantId,
      roles: key.roles,
      subjectId: key.subjectId,
      rateLimitPerMinute: key.rateLimitPerMinute,
    };
  }

  private async fromAccessToken(token: string): Promise<Principal> {
    const claims = await this.tokens.verify(token);
    if (!claims) throw new UnauthorizedException('invalid or expired access token');
    const sessions = this.dataSource.getRepository(Session);
    const session = await sessions.findOne({ where: { id: claims.sessionId, userId: claims.sub } });
    const now = Date.now();
    if (!session || session.endedAt || now - session.lastSeenAt.getTime() > this.idleMs) {
      throw new UnauthorizedException('session ended; log in again');
    }
    if (now - session.lastSeenAt.getTime() > 30_000)
      await sessions.update({ id: session.id }, { lastSeenAt: new Date(now) });
    const user = await this.dataSource
      .getRepository(User)
      .findOne({ where: { id: claims.sub, tenantId: claims.tenantId } });
    if (!user) throw new UnauthorizedException('user no longer exists');
    return { kind: 'user', id: user.id, tenantId: user.tenantId, roles: [user.role], sessionId: session.id };
  }

  private async fromSiteKey(publishableKey: string): Promise<Principal> {
    const site = /^pk_[A-Za-z0-9_-]{22}$/.test(publishableKey)
      ? await cachedFor(this.siteCache, publishableKey, () =>
          this.dataSource.getRepository(Site).findOne({ where: { publishableKey } }),
        )
      : null;
    if (!site) throw new UnauthorizedException('unknown site key');
    return { kind: 'site', id: site.id, tenantId: site.tenantId };
  }
}

/** A row looked up at most once per KEY_CACHE_MS (misses included, so guessing costs no query). */
async function cachedFor<T>(
  cache: Map<string, { value: T | null; until: number }>,
  key: string,
  load: () => Promise<T | null>,
): Promise<T | null> {
  const hit = cache.get(key);
  if (hit && hit.until > Date.now()) return hit.value;
  const value = await load();
  cache.set(key, { value, until: Date.now() + KEY_CACHE_MS });
  return value;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
