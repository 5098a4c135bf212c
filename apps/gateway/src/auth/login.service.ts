import { HttpException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { DataSource } from 'typeorm';
import { runWithContext, currentContext, SERVICE_OPTIONS, ServiceOptions } from '@libs/common';
import { AuditLog } from '../audit/audit-log';
import { GatewayEnv } from '../config/gateway.config';
import { Tenant } from '../tenants/tenant.entity';
import { User } from '../users/user.entity';
import { LoginRequest, LoginResponse } from '../users/users.dto';
import { AccessTokens } from './access-tokens';
import { Session } from './session.entity';

const WRONG = 'email or password is wrong';

/**
 * Console login: argon2id passwords, lockout after repeated failures (the failures and the
 * lockout are recorded even though the request fails), sessions that end on logout or when idle.
 */
@Injectable()
export class LoginService {
  private readonly env: GatewayEnv;
  private readonly decoyHash: Promise<string>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: AccessTokens,
    private readonly audit: AuditLog,
    @Inject(SERVICE_OPTIONS) options: ServiceOptions,
  ) {
    this.env = options.env as GatewayEnv;
    this.decoyHash = hash('decoy password for unknown users');
  }

  async login(request: LoginRequest): Promise<LoginResponse> {
    const tenant = await this.dataSource.getRepository(Tenant).findOne({ where: { slug: request.tenant } });
    const user = tenant
      ? await this.dataSource
          .getRepository(User)
          .findOne({ where: { tenantId: tenant.id, email: request.email.toLowerCase() } })
      : null;
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
      await tx.getRepository(User).update({ id: user.id }, { failedLogins: 0, lockedUntil: null });
      const session = await tx
        .getRepository(Session)
        .save(
          tx
            .getRepository(Session)
            .create({ tenantId: user.tenantId, userId: user.id, lastSeenAt: new Date(), endedAt: null }),
        );
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
      const counted = await tx
        .createQueryBuilder()
        .update(User)
        .set({ failedLogins: () => 'failed_logins + 1' })
        .where('id = :id', { id: user.id })
        .returning('failed_logins')
        .execute();
      const failures = Number((counted.raw as { failed_logins: number }[])[0].failed_logins);
      await this.audit.record(tx, {
        tenantId: user.tenantId,
        action: 'user.login-failed',
        targetType: 'user',
        targetId: user.id,
        after: { failures },
      });
      if (failures >= this.env.LOGIN_MAX_FAILURES) {
        const lockedUntil = new Date(Date.now() + this.env.LOGIN_LOCKOUT_MINUTES * 60_000);
        await tx.getRepository(User).update({ id: user.id }, { lockedUntil, failedLogins: 0 });
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
      await tx.getRepository(Session).update({ id: sessionId, tenantId }, { endedAt: new Date() });
      await this.audit.record(tx, { tenantId, action: 'user.logged-out', targetType: 'session', targetId: sessionId });
    });
  }
}
