import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { AuditLogModule } from '../audit-log/audit-log.module';
import { GatewayEnv } from '../config/gateway.config';
import { SitesModule } from '../sites/sites.module';
import { TenantsModule } from '../tenants/tenants.module';
import { UsersModule } from '../users/users.module';
import { AccessGuard } from './access.guard';
import { AccessTokens } from './access-tokens';
import { AuthController } from './auth.controller';
import { Authenticator } from './authenticator';
import { LoginService } from './login.service';
import { SessionRepository } from './session.repository';
import { SessionRetentionSchedule } from './session-retention.schedule';

/**
 * Who calls: the AccessGuard in front of every route (credentials, access rule, rate limit),
 * and console login with its sessions.
 */
@Module({
  imports: [ApiKeysModule, SitesModule, UsersModule, TenantsModule, AuditLogModule],
  controllers: [AuthController],
  providers: [
    {
      provide: AccessTokens,
      inject: [GatewayEnv],
      useFactory: (env: GatewayEnv) => new AccessTokens(env.JWT_SECRET, env.JWT_TTL_MINUTES),
    },
    { provide: APP_GUARD, useClass: AccessGuard },
    Authenticator,
    LoginService,
    SessionRepository,
    SessionRetentionSchedule,
  ],
})
export class AuthModule {}
