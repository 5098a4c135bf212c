import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ServiceCoreModule, ServiceInstance } from '@libs/common';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { ApiKeysService } from './api-keys/api-keys.service';
import { AuditController } from './audit/audit.controller';
import { AuditLog } from './audit/audit-log';
import { ReportedChangesEventsController } from './audit/reported-changes.events.controller';
import { AccessGuard } from './auth/access.guard';
import { AccessTokens } from './auth/access-tokens';
import { AuthController } from './auth/auth.controller';
import { Authenticator } from './auth/authenticator';
import { LoginService } from './auth/login.service';
import { GatewayEnv } from './config/gateway.config';
import { gatewaySchema } from './database/gateway.schema';
import { DocsController } from './docs/docs.controller';
import { GiftPageController } from './gift-page/gift-page.controller';
import { ReaderSnippetController } from './reader-snippet/reader-snippet.controller';
import { GiftPageService } from './gift-page/gift-page.service';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { SitesController } from './sites/sites.controller';
import { SitesService } from './sites/sites.service';
import { TenantsController } from './tenants/tenants.controller';
import { TenantsService } from './tenants/tenants.service';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';
import { RoutesModule } from './routes/routes.module';
import { WebhooksModule } from './webhooks/webhooks.module';

@Module({})
export class GatewayAppModule {
  static register(instance: ServiceInstance<GatewayEnv>): DynamicModule {
    return {
      module: GatewayAppModule,
      imports: [ServiceCoreModule.forService({ ...instance, ...gatewaySchema }), RoutesModule, WebhooksModule],
      controllers: [
        TenantsController,
        SitesController,
        ApiKeysController,
        UsersController,
        AuthController,
        AuditController,
        ReaderSnippetController,
        ReportedChangesEventsController,
        DocsController,
        GiftPageController,
      ],
      providers: [
        { provide: AccessTokens, useValue: new AccessTokens(instance.env.JWT_SECRET, instance.env.JWT_TTL_MINUTES) },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        Authenticator,
        AuditLog,
        TenantsService,
        SitesService,
        ApiKeysService,
        UsersService,
        LoginService,
        GiftPageService,
      ],
    };
  }
}
