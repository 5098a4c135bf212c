import { DynamicModule, Module, Type } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { ServiceEnv } from '../config/service-env';
import { createServiceDataSource } from '../database/create-data-source';
import { AuditTrail } from '../events/audit-trail';
import { EventOutbox } from '../events/event-outbox';
import { MessagingRetentionSchedule } from '../events/messaging-retention.schedule';
import { HealthController } from '../health/health.controller';
import { HealthDetails } from '../health/health-details';
import { MetricsController } from '../metrics/metrics.controller';
import { ServiceMetrics } from '../metrics/service-metrics';
import { CallerSigner, CallerVerifier } from '../nats/caller-signature';
import { connectNats } from '../nats/connect-nats';
import { RpcClient } from '../nats/rpc.client';
import { NATS_CONNECTION, SERVICE_OPTIONS } from '../nats/tokens';
import type { ServiceOptions } from './service-options';
import { ServiceRuntime } from './service-runtime';

/**
 * What every service process has: its database (own schema), its NATS connection, the RPC
 * client, the outbox, event consumers, health and metrics. Imported once by each app module.
 */
@Module({})
export class ServiceCoreModule {
  static forService(options: ServiceOptions): DynamicModule {
    // The service's configuration is injected by its own class (`constructor(env: FinanceEnv)`),
    // and by `ServiceEnv` where only the common variables matter: no casts of a loose object.
    const envClass = options.env.constructor as Type<ServiceEnv>;
    const envProviders = [ServiceEnv, ...(envClass === ServiceEnv ? [] : [envClass])].map((provide) => ({
      provide,
      useValue: options.env,
    }));
    return {
      module: ServiceCoreModule,
      global: true,
      imports: [DiscoveryModule],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: SERVICE_OPTIONS, useValue: options },
        ...envProviders,
        {
          provide: DataSource,
          useFactory: async () =>
            createServiceDataSource({
              url: options.env.DATABASE_URL,
              schema: options.service,
              entities: options.entities,
              migrations: options.migrations,
              timeouts: {
                statementMs: options.env.DATABASE_STATEMENT_TIMEOUT_MS,
                idleInTransactionMs: options.env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
                acquireMs: options.env.DATABASE_ACQUIRE_TIMEOUT_MS,
              },
            }).initialize(),
        },
        {
          provide: NATS_CONNECTION,
          useFactory: () =>
            connectNats(options.env.NATS_URL, `${options.service}-${options.instanceId}`, {
              user: options.env.NATS_USER,
              password: options.env.NATS_PASSWORD,
              tlsCaFile: options.env.NATS_TLS_CA_FILE,
            }),
        },
        {
          provide: RpcClient,
          inject: [NATS_CONNECTION],
          useFactory: (nats: NatsConnection) =>
            new RpcClient(
              nats,
              options.env.RPC_TIMEOUT_MS,
              options.env.CALLER_SIGNING_KEY ? new CallerSigner(options.service, options.env.CALLER_SIGNING_KEY) : null,
            ),
        },
        { provide: CallerVerifier, useValue: new CallerVerifier(options.env.CALLER_KEYS) },
        { provide: EventOutbox, useValue: new EventOutbox(options.service) },
        {
          provide: AuditTrail,
          inject: [EventOutbox],
          useFactory: (outbox: EventOutbox) => new AuditTrail(options.service, outbox),
        },
        { provide: ServiceMetrics, useValue: new ServiceMetrics(options.service) },
        { provide: HealthDetails, useValue: new HealthDetails() },
        ServiceRuntime,
        MessagingRetentionSchedule,
      ],
      exports: [
        SERVICE_OPTIONS,
        ...envProviders.map((p) => p.provide),
        DataSource,
        NATS_CONNECTION,
        RpcClient,
        CallerVerifier,
        EventOutbox,
        AuditTrail,
        ServiceMetrics,
        HealthDetails,
      ],
    };
  }
}
