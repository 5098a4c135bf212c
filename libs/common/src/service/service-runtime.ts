import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { CONSUMED_STREAMS } from '@libs/contracts';
import { ConsumedEvent, CONSUMES_EVENT_META } from '../events/consumes-event.decorator';
import {
  EventBatchHandlerFn,
  EventConsumerHost,
  EventHandlerFn,
  EventSubscription,
} from '../events/event-consumer-host';
import { OutboxRelay } from '../events/outbox-relay';
import { ensureStreams, streamLimitsOf } from '../events/streams';
import { ServiceMetrics } from '../metrics/service-metrics';
import { NATS_CONNECTION, SERVICE_OPTIONS } from '../nats/tokens';
import type { ServiceOptions } from './service-options';

/**
 * Starts what a service runs besides its handlers (streams, outbox relay, event consumers) once
 * the application is up, and stops them in order on shutdown: consumers first (finishing the
 * event in hand), then the relay (publishing what is pending), then NATS (drained), then the pool.
 */
@Injectable()
export class ServiceRuntime implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(ServiceRuntime.name);
  private relay?: OutboxRelay;
  private consumers?: EventConsumerHost;

  constructor(
    @Inject(SERVICE_OPTIONS) private readonly options: ServiceOptions,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    private readonly dataSource: DataSource,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly metrics: ServiceMetrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { service, env } = this.options;
    const subscriptions = this.discoverSubscriptions();
    const jsm = await jetstreamManager(this.nats);
    const consumed = subscriptions.map((s) => s.contract.service);
    const undeclared = consumed.filter((s) => !CONSUMED_STREAMS[service].includes(s));
    if (undeclared.length > 0) {
      throw new Error(
        `${service} consumes events of ${[...new Set(undeclared)].join(', ')}: declare it in CONSUMED_STREAMS (libs/contracts/src/bus-permissions.ts), or the bus refuses it`,
      );
    }
    await ensureStreams(jsm, service, CONSUMED_STREAMS[service], streamLimitsOf(env));
    const js = jetstream(this.nats);
    this.relay = new OutboxRelay(service, this.dataSource, js, env.DATABASE_URL);
    await this.relay.start();
    this.consumers = new EventConsumerHost(
      service,
      this.dataSource,
      js,
      jsm,
      env.EVENT_MAX_DELIVER,
      env.EVENT_ACK_WAIT_MS,
      ({ consumer, outcome }) => this.metrics.eventsConsumed.inc({ consumer, outcome }),
    );
    await this.consumers.start(subscriptions);
    this.logger.log(`consuming ${subscriptions.map((s) => s.contract.subject).join(', ') || 'no events'}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumers?.stop();
    await this.relay?.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.nats.isClosed()) await this.nats.drain().catch(() => undefined);
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  private discoverSubscriptions(): EventSubscription[] {
    const found: EventSubscription[] = [];
    for (const wrapper of [...this.discovery.getControllers(), ...this.discovery.getProviders()]) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const method = instance[name] as (...args: never[]) => Promise<void>;
        const consumed = Reflect.getMetadata(CONSUMES_EVENT_META, method) as ConsumedEvent | undefined;
        if (!consumed) continue;
        const handle: EventBatchHandlerFn = consumed.batched
          ? (method as EventBatchHandlerFn).bind(instance)
          : async (events, tx) => {
              for (const event of events) await (method as EventHandlerFn).call(instance, event, tx);
            };
        found.push({
          contract: consumed.contract,
          consumer: consumed.consumer,
          handle,
          maxBatch: consumed.maxBatch,
          inFlight: consumed.inFlight,
        });
      }
    }
    return found;
  }
}
