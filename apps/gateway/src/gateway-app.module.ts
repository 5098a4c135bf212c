import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule, ServiceInstance } from '@libs/common';
import { AdSnippetModule } from './ad-snippet/ad-snippet.module';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { AuditLogModule } from './audit-log/audit-log.module';
import { AuthModule } from './auth/auth.module';
import { GatewayEnv } from './config/gateway.config';
import { gatewaySchema } from './database/gateway.schema';
import { DocsModule } from './docs/docs.module';
import { GiftPageModule } from './gift-page/gift-page.module';
import { PayPageModule } from './pay-page/pay-page.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { ReaderSnippetModule } from './reader-snippet/reader-snippet.module';
import { RoutesModule } from './routes/routes.module';
import { SitesModule } from './sites/sites.module';
import { TenantsModule } from './tenants/tenants.module';
import { UsersModule } from './users/users.module';
import { WebhooksModule } from './webhooks/webhooks.module';

/**
 * The gateway: the agencies' public API. Its own features (agencies, sites, keys, users and
 * logins, the audit log, idempotency) and the routes it forwards to the other services.
 */
@Module({})
export class GatewayAppModule {
  static register(instance: ServiceInstance<GatewayEnv>): DynamicModule {
    return {
      module: GatewayAppModule,
      imports: [
        ServiceCoreModule.forService({ ...instance, ...gatewaySchema }),
        TenantsModule,
        SitesModule,
        ApiKeysModule,
        UsersModule,
        AuthModule,
        AuditLogModule,
        IdempotencyModule,
        ReaderSnippetModule,
        AdSnippetModule,
        RoutesModule,
        WebhooksModule,
        GiftPageModule,
        PayPageModule,
        DocsModule,
      ],
    };
  }
}
