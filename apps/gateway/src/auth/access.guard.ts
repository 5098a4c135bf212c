import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  HttpException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_META, currentContext } from '@libs/common';
import { GatewayEnv } from '../config/gateway.config';
import type { AccessRule } from '../access/access.decorator';
import type { AuthenticatedRequest } from '../access/authenticated-request';
import { Authenticator } from './authenticator';
import { actorOf, Principal } from '../access/principal';
import { RateLimiter } from './rate-limiter';

/**
 * The gateway's one door: authenticates, applies the route's access rule and the key's rate
 * limit (and a site key's per client address), and records tenant and actor in the request context (logs, NATS headers).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly limiter = new RateLimiter();
  private readonly defaultLimit: number;
  private readonly siteClientLimit: number;

  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    env: GatewayEnv,
  ) {
    this.defaultLimit = env.RATE_LIMIT_PER_MINUTE;
    this.siteClientLimit = env.SITE_CLIENT_RATE_LIMIT_PER_MINUTE;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_META, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (rule === undefined) throw new ForbiddenException('route declares no access rule');
    if (rule === 'public') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const siteKey = request.headers['x-site-key'];
    const principal = await this.authenticator.authenticate({
      authorization: request.headers.authorization,
      siteKey: typeof siteKey === 'string' ? siteKey : undefined,
    });
    if (!principal)
      throw new UnauthorizedException('credentials required: Authorization: Bearer <API key or access token>');
    request.principal = principal;
    const requestContext = currentContext();
    if (requestContext) {
      requestContext.actor = actorOf(principal);
      if (principal.kind !== 'operator') requestContext.tenantId = principal.tenantId;
    }
    this.checkRule(rule, principal);
    this.checkRate(principal, request.ip);
    return true;
  }

  private checkRule(rule: Exclude<AccessRule, 'public'>, principal: Principal): void {
    const allowed =
      rule === 'operator'
        ? principal.kind === 'operator'
        : rule === 'site'
          ? principal.kind === 'site'
          : principal.kind === 'site'
            ? rule.orSiteKey === true
            : principal.kind !== 'operator' && principal.roles.some((role) => rule.roles.includes(role));
    if (!allowed)
      throw new ForbiddenException(
        `${principal.kind === 'operator' ? 'the operator' : 'this principal'} may not call this route`,
      );
  }

  private checkRate(principal: Principal, clientAddress: string): void {
    if (principal.kind === 'operator') return;
    // A site key is public: each reader's address gets its own share, so one client cannot spend the site's.
    if (principal.kind === 'site') {
      const wait = this.limiter.take(`site-client:${principal.id}:${clientAddress}`, this.siteClientLimit);
      if (wait > 0)
        throw new HttpException(
          { message: `rate limit of ${this.siteClientLimit}/min per client address exceeded`, retryAfter: wait },
          429,
        );
    }
    const limit =
      principal.kind === 'api-key' ? (principal.rateLimitPerMinute ?? this.defaultLimit) : this.defaultLimit;
    const wait = this.limiter.take(`${principal.kind}:${principal.id}`, limit);
    if (wait > 0) throw new HttpException({ message: `rate limit of ${limit}/min exceeded`, retryAfter: wait }, 429);
  }
}
