import { DynamicModule } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes, randomUUID } from 'node:crypto';
import { loadEnv, ServiceEnv, ServiceInstance, startService } from '@libs/common';
import { ServiceName } from '@libs/contracts';
import {
  callerKeyPairs,
  createTestDatabase,
  credentialSealingKeys,
  startTestNats,
  TestDatabase,
  TestNats,
} from '@libs/testing';
import { checkAnswersWith, DocumentConformance } from './document-conformance';
import { freePort } from './free-port';
import { AdvertisingEnv } from '../../apps/advertising/src/config/advertising.config';
import { AdvertisingAppModule } from '../../apps/advertising/src/advertising-app.module';
import { FinanceEnv } from '../../apps/finance/src/config/finance.config';
import { FinanceAppModule } from '../../apps/finance/src/finance-app.module';
import { GatewayEnv } from '../../apps/gateway/src/config/gateway.config';
import { startGateway } from '../../apps/gateway/src/gateway-app';
import { LicensingEnv } from '../../apps/licensing/src/config/licensing.config';
import { LicensingAppModule } from '../../apps/licensing/src/licensing-app.module';
import { PaymentsEnv } from '../../apps/payments/src/config/payments.config';
import { PaymentsAppModule } from '../../apps/payments/src/payments-app.module';
import { PaywallEnv } from '../../apps/paywall/src/config/paywall.config';
import { PaywallAppModule } from '../../apps/paywall/src/paywall-app.module';
import { SubscriptionsEnv } from '../../apps/subscriptions/src/config/subscriptions.config';
import { SubscriptionsAppModule } from '../../apps/subscriptions/src/subscriptions-app.module';

type Starter = (instance: ServiceInstance) => Promise<NestFastifyApplication>;

const plain =
  (module: (instance: ServiceInstance) => DynamicModule): Starter =>
  (instance) =>
    startService(module(instance), instance);

const SERVICES: Record<ServiceName, { env: new () => ServiceEnv; start: Starter }> = {
  gateway: { env: GatewayEnv, start: (instance) => startGateway(instance as ServiceInstance<GatewayEnv>) },
  paywall: { env: PaywallEnv, start: plain((i) => PaywallAppModule.register(i)) },
  subscriptions: { env: SubscriptionsEnv, start: plain((i) => SubscriptionsAppModule.register(i)) },
  payments: { env: PaymentsEnv, start: plain((i) => PaymentsAppModule.register(i)) },
  advertising: { env: AdvertisingEnv, start: plain((i) => AdvertisingAppModule.register(i)) },
  licensing: { env: LicensingEnv, start: plain((i) => LicensingAppModule.register(i)) },
  finance: { env: FinanceEnv, start: plain((i) => FinanceAppModule.register(i)) },
};

export const ALL_SERVICES = Object.keys(SERVICES) as ServiceName[];

/**
 * The whole suite in the test process: its own NATS server and its own cloned database, every
 * service as a real Nest application (HTTP + NATS), instances that can be stopped, added and
 * restarted to play outages and scale-out.
 */
export class TestSuite {
  readonly operatorToken = `op_${randomBytes(24).toString('hex')}`;
  private readonly jwtSecret = randomBytes(32).toString('hex');
  private readonly credentialsKey = randomBytes(32).toString('base64');
  private readonly paywallTokenKeys = `k1:${randomBytes(32).toString('base64')}`;
  private readonly advertisingTokenKeys = `k1:${randomBytes(32).toString('base64')}`;
  private readonly callerKeys = callerKeyPairs();
  /** Stripe and rail credentials are sealed to the payments service's own key. */
  private readonly paymentsSealingKeys = credentialSealingKeys();
  private readonly running = new Map<ServiceName, NestFastifyApplication[]>();
  /** What the services send, checked against docs/openapi.json and docs/asyncapi.json. */
  private readonly conformance = new DocumentConformance();

  private constructor(
    readonly nats: TestNats,
    readonly database: TestDatabase,
  ) {}

  static async start(
    services: ServiceName[] = ALL_SERVICES,
    envOverrides: Record<string, string> = {},
  ): Promise<TestSuite> {
    const [nats, database] = await Promise.all([startTestNats(), createTestDatabase()]);
    const suite = new TestSuite(nats, database);
    suite.envOverrides = envOverrides;
    suite.notificationPort = await freePort();
    try {
      await suite.conformance.watch(nats.url);
      checkAnswersWith(suite.conformance);
      for (const service of services) await suite.startInstance(service);
    } catch (error) {
      // A half-started suite must not keep the test process alive (NATS server, pools).
      await suite.close().catch(() => undefined);
      throw error;
    }
    return suite;
  }

  private envOverrides: Record<string, string> = {};
  /** Payments' notification receiver (rails' and Stripe's): one port its instances share, known to the gateway before they start. */
  private notificationPort = 0;

  envOf(service: ServiceName): ServiceEnv {
    return loadEnv(SERVICES[service].env, {
      DATABASE_URL: this.database.url,
      NATS_URL: this.nats.address,
      NATS_USER: this.nats.credentialsOf(service).user,
      NATS_PASSWORD: this.nats.credentialsOf(service).password,
      CALLER_KEYS: this.callerKeys.publicKeys,
      CALLER_SIGNING_KEY: this.callerKeys.signingKeyOf(service),
      CREDENTIALS_SEALING_KEY: this.paymentsSealingKeys.privateKey,
      PAYMENTS_CREDENTIALS_SEALING_PUBLIC_KEY: this.paymentsSealingKeys.publicKey,
      HTTP_PORT: '0',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'fatal',
      JWT_SECRET: this.jwtSecret,
      OPERATOR_TOKEN: this.operatorToken,
      CREDENTIALS_KEY: this.credentialsKey,
      PAYWALL_TOKEN_KEYS: this.paywallTokenKeys,
      ADVERTISING_TOKEN_KEYS: this.advertisingTokenKeys,
      PAYWALL_PUBLIC_PORT: '0',
      ADVERTISING_PUBLIC_PORT: '0',
      // the port is picked at start: tests read files at the instance's own URL, by the path of this one
      ADVERTISING_PUBLIC_BASE_URL: 'https://ads.example.test',
      PAYMENTS_NOTIFICATION_URL: `http://127.0.0.1:${this.notificationPort}`,
      PAYMENTS_NOTIFICATION_PORT: String(this.notificationPort),
      PAYMENTS_NOTIFICATION_BASE_URL: `http://127.0.0.1:${this.notificationPort}`,
      EVENT_MAX_DELIVER: '3',
      ...this.envOverrides,
    });
  }

  /** Starts one more instance of a service (it joins the service's queue group). */
  async startInstance(service: ServiceName): Promise<NestFastifyApplication> {
    const app = await SERVICES[service].start({
      service,
      env: this.envOf(service),
      instanceId: randomUUID().slice(0, 8),
    });
    this.running.set(service, [...(this.running.get(service) ?? []), app]);
    return app;
  }

  /** The private key `service` signs its callers with (CALLER_SIGNING_KEY). */
  callerSigningKeyOf(service: ServiceName): string {
    return this.callerKeys.signingKeyOf(service);
  }

  instances(service: ServiceName): NestFastifyApplication[] {
    return this.running.get(service) ?? [];
  }

  /** Stops one instance, gracefully (as on SIGTERM); the service's other instances keep running. */
  async stopInstance(service: ServiceName, app: NestFastifyApplication): Promise<void> {
    const apps = this.running.get(service) ?? [];
    if (!apps.includes(app)) throw new Error(`that ${service} instance is not running`);
    this.running.set(
      service,
      apps.filter((running) => running !== app),
    );
    await app.close();
  }

  /** Stops every instance of a service, gracefully (as on SIGTERM). */
  async stopService(service: ServiceName): Promise<void> {
    const apps = this.running.get(service) ?? [];
    this.running.delete(service);
    await Promise.all(apps.map((app) => app.close()));
  }

  async gatewayUrl(): Promise<string> {
    const [gateway] = this.instances('gateway');
    if (!gateway) throw new Error('no gateway running');
    return (await gateway.getUrl()).replace('[::1]', '127.0.0.1');
  }

  /**
   * Stops everything; then fails if anything the suite sent (HTTP answers, events, RPC messages)
   * did not match its API documents.
   */
  async close(): Promise<void> {
    for (const service of [...this.running.keys()]) await this.stopService(service);
    const { violations } = await this.conformance.finish();
    checkAnswersWith(null);
    await this.nats.destroy();
    await this.database.drop();
    if (violations.length > 0) {
      throw new Error(
        `the suite sent what its API documents do not describe:\n  ${violations.slice(0, 40).join('\n  ')}`,
      );
    }
  }
}
