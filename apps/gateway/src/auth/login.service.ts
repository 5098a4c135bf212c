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
import { SessionRepository } from './session.repository';

const WRONG = 'email or password is wrong';

/**
 * Console login: argon2id passwords, lockout after repeated failures (the failures and the
 * lockout are recorded even though the request fails), sessions that end on logout or when idle.
 */
@Injectable()
export class LoginService {
  private readonly decoyHash: Promise<string>;

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

  async login(request: LoginRequest): Promise<LoginResponse> {
    const tenant = await this.tenants.findBySlug(request.tenant);
    const user = tenant ? await this.users.findOneOfTenantByEmail(tenant.id, request.email.toLowerCase()) : null;
    if (!user) {
      await verify(await this.decoyHash, request.password); // same cost as a real check
      throw new UnauthorizedException(WRONG);
    }
    const context = currentContext();
    return runWithContext(
      { requestId: context?.requestId ?? 'login', tenantId: user.tenantId, actor: `user:${user.id}` },
      () => this.checkPassword(user, request.password),
    );
  }

  private async checkPassword(user: User, password: string): Promise<LoginResponse> {
    if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
      throw new HttpException({ message: `account locked until ${user.lockedUntil.toISOString()}` }, 423);
    }
    if (!(await verify(user.passwordHash, password))) {
      await this.recordFailure(user);
      throw new UnauthorizedException(WRONG);
    }
    return this.dataSource.transaction(async (tx) => {
      await this.users.clearLoginFailures(tx, user.id);
      const session = await this.sessions.open(tx, user.tenantId, user.id, new Date());
      await this.audit.record(tx, {
        tenantId: user.tenantId,
        action: 'user.logged-in',
        targetType: 'session',
        targetId: session.id,
      });
      const accessToken = await this.tokens.issue({ sub: user.id, tenantId: user.tenantId, sessionId: session.id });
      return { accessToken, tokenType: 'Bearer' as const, expiresIn: this.tokens.expiresInSeconds };
    });
  }

  private async recordFailure(user: User): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const failures = await this.users.countLoginFailure(tx, user.id);
      await this.audit.record(tx, {
        tenantId: user.tenantId,
        action: 'user.login-failed',
        targetType: 'user',
        targetId: user.id,
        after: { failures },
      });
      if (failures >= this.env.LOGIN_MAX_FAILURES) {
        const lockedUntil = new Date(Date.now() + this.env.LOGIN_LOCKOUT_MINUTES * 60_000);
        await this.users.lockUntil(tx, user.id, lockedUntil);
        await this.audit.record(tx, {
          tenantId: user.tenantId,
          action: 'user.locked',
          targetType: 'user',
          targetId: user.id,
          after: { lockedUntil },
        });
      }
    });
  }

  async logout(sessionId: string, tenantId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await this.sessions.end(tx, sessionId, tenantId, new Date());
      await this.audit.record(tx, { tenantId, action: 'user.logged-out', targetType: 'session', targetId: sessionId });
    });
  }
}
