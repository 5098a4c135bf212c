import { HttpException, Injectable, UnauthorizedException } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { DataSource } from 'typeorm';
import { runWithContext, currentContext } from '@libs/common';
import { AuditLogService } from '../audit-log/audit-log.service';
import { GatewayEnv } from '../config/gateway.config';
import { TenantRepository } from '../tenants/tenant.repository';
import { User } from '../users/user.entity';
import { UserRepository } from '../users/user.repository';
import { AccessTokens } from './access-tokens';
import { LoginRequest, LoginResponse } from './login.dto';
import { RateLimiter } from './rate-limiter';
import { SessionRepository } from './session.repository';

/** The one answer to a wrong password, an unknown account and a locked one alike. */
const WRONG = 'email or password is wrong';

/**
 * Console login: argon2id passwords, limits checked before any password is: attempts per client
 * address (`LOGIN_RATE_LIMIT_PER_MINUTE`), and per account, where each attempt is counted in the
 * database before its password is checked, so parallel guesses cannot get past
 * `LOGIN_MAX_FAILURES`; the account is then locked, and the lock is checked again under the row's
 * lock before a session opens. A locked account answers as an unknown one, after the same work.
 */
@Injectable()
export class LoginService {
  private readonly decoyHash: Promise<string>;
  private readonly perAddress = new RateLimiter();

  constructor(
    private readonly dataSource: DataSource,
    private readonly tenants: TenantRepository,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly tokens: AccessTokens,
    private readonly audit: AuditLogService,
    private readonly env: GatewayEnv,
  ) {
    this.decoyHash = hash('decoy password for unknown users');
  }

  async login(request: LoginRequest, clientAddress: string): Promise<LoginResponse> {
    const wait = this.perAddress.take(`login:${clientAddress}`, this.env.LOGIN_RATE_LIMIT_PER_MINUTE);
    if (wait > 0)
      throw new HttpException({ message: 'too many login attempts from this address', retryAfter: wait }, 429);
    const tenant = await this.tenants.findBySlug(request.tenant);
    const user = tenant ? await this.users.findOneOfTenantByEmail(tenant.id, request.email.toLowerCase()) : null;
    if (!user) return this.refuse(request.password);
    const context = currentContext();
    return runWithContext(
      { requestId: context?.requestId ?? 'login', tenantId: user.tenantId, actor: `user:${user.id}` },
      () => this.attempt(user, request.password),
    );
  }

  /** Same cost as checking a real password, same answer as a wrong one. */
  private async refuse(password: string): Promise<never> {
    await verify(await this.decoyHash, password);
    throw new UnauthorizedException(WRONG);
  }

  private async attempt(user: User, password: string): Promise<LoginResponse> {
    const now = new Date();
    const attempt = await this.users.takeLoginAttempt(user.id, this.env.LOGIN_MAX_FAILURES, now);
    if (attempt === null) {
      // Locked, or the limit is taken by attempts still being checked: then the account locks now.
      await this.lock(user, now, this.env.LOGIN_MAX_FAILURES);
      return this.refuse(password);
    }
    if (!(await verify(user.passwordHash, password))) {
      await this.recordFailure(user, attempt);
      throw new UnauthorizedException(WRONG);
    }
    const session = await this.dataSource.transaction(async (tx) => {
      const current = await this.users.lockForLogin(tx, user.id);
      // A parallel guess may have locked the account while this password was checked.
      if (!current || (current.lockedUntil && current.lockedUntil.getTime() > Date.now())) return null;
      await this.users.releaseLoginAttempts(tx, user.id, attempt);
      const opened = await this.sessions.open(tx, user.tenantId, user.id, new Date());
      await this.audit.record(tx, {
        tenantId: user.tenantId,
        action: 'user.logged-in',
        targetType: 'session',
        targetId: opened.id,
      });
      return opened;
    });
    if (!session) throw new UnauthorizedException(WRONG);
    const accessToken = await this.tokens.issue({ sub: user.id, tenantId: user.tenantId, sessionId: session.id });
    return { accessToken, tokenType: 'Bearer' as const, expiresIn: this.tokens.expiresInSeconds };
  }

  private async recordFailure(user: User, failures: number): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await this.audit.record(tx, {
        tenantId: user.tenantId,
        action: 'user.login-failed',
        targetType: 'user',
        targetId: user.id,
        after: { failures },
      });
    });
    if (failures >= this.env.LOGIN_MAX_FAILURES) await this.lock(user, new Date());
  }

  /** Locks the account unless it is locked already (with `atCount`, only if that many attempts are counted). */
  private async lock(user: User, now: Date, atCount?: number): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const lockedUntil = new Date(now.getTime() + this.env.LOGIN_LOCKOUT_MINUTES * 60_000);
      if (!(await this.users.lockUntil(tx, user.id, lockedUntil, now, atCount))) return;
      await this.audit.record(tx, {
        tenantId: user.tenantId,
        action: 'user.locked',
        targetType: 'user',
        targetId: user.id,
        after: { lockedUntil },
      });
    });
  }

  async logout(sessionId: string, tenantId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await this.sessions.end(tx, sessionId, tenantId, new Date());
      await this.audit.record(tx, { tenantId, action: 'user.logged-out', targetType: 'session', targetId: sessionId });
    });
  }
}
