import { Injectable, UnauthorizedException } from '@nestjs/common';
import { timingSafeEqual, createHash } from 'node:crypto';
import { parseSecretKey, secretMatches } from '../api-keys/api-key-secret';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { GatewayEnv } from '../config/gateway.config';
import { SitesService } from '../sites/sites.service';
import { UserRepository } from '../users/user.repository';
import { AccessTokens } from './access-tokens';
import { Principal } from '../access/principal';
import { SessionRepository } from './session.repository';

interface Credentials {
  authorization?: string;
  siteKey?: string;
}

/**
 * Turns the credentials of a request into a principal: the operator token, a secret API key,
 * a console JWT (with a live session), or a publishable site key. Key and site rows are cached
 * for a few seconds by their features; revoking a key clears this instance's cache at once.
 */
@Injectable()
export class Authenticator {
  private readonly operatorDigest: Buffer;
  private readonly idleMs: number;

  constructor(
    private readonly apiKeys: ApiKeysService,
    private readonly sites: SitesService,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly tokens: AccessTokens,
    env: GatewayEnv,
  ) {
    this.operatorDigest = digest(env.OPERATOR_TOKEN);
    this.idleMs = env.SESSION_IDLE_MINUTES * 60_000;
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

  private async fromBearer(token: string): Promise<Principal> {
    if (timingSafeEqual(digest(token), this.operatorDigest)) return { kind: 'operator', id: 'operator' };
    const parsed = parseSecretKey(token);
    if (parsed) return this.fromApiKey(token, parsed.prefix);
    if (token.startsWith('sk_')) throw new UnauthorizedException('malformed API key');
    return this.fromAccessToken(token);
  }

  private async fromApiKey(secret: string, prefix: string): Promise<Principal> {
    const key = await this.apiKeys.findLiveByPrefix(prefix);
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
    const session = await this.sessions.findOfUser(claims.sessionId, claims.sub);
    const now = Date.now();
    if (!session || session.endedAt || now - session.lastSeenAt.getTime() > this.idleMs) {
      throw new UnauthorizedException('session ended; log in again');
    }
    if (now - session.lastSeenAt.getTime() > 30_000) await this.sessions.touch(session.id, new Date(now));
    const user = await this.users.findOneOfTenant(claims.tenantId, claims.sub);
    if (!user) throw new UnauthorizedException('user no longer exists');
    return { kind: 'user', id: user.id, tenantId: user.tenantId, roles: [user.role], sessionId: session.id };
  }

  private async fromSiteKey(publishableKey: string): Promise<Principal> {
    const site = /^pk_[A-Za-z0-9_-]{22}$/.test(publishableKey)
      ? await this.sites.findByPublishableKey(publishableKey)
      : null;
    if (!site) throw new UnauthorizedException('unknown site key');
    return { kind: 'site', id: site.id, tenantId: site.tenantId, domain: site.domain };
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
