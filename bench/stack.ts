import { ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createServiceDataSource, runServiceMigrations } from '@libs/common';
import { ServiceName } from '@libs/contracts';
import { callerKeyPairs, credentialSealingKeys, startTestNats } from '@libs/testing';
import { SERVICE_SCHEMAS } from '../scripts/service-schemas';
import { withScratchDatabase } from '../scripts/scratch-database';
import { freePort } from './bench-calls';

const DIST = join(__dirname, '..');
/** Where the paywall's own decision server listens in a bench run. */
export const PUBLIC_DECISIONS_PORT = 47_199;

export interface RunningStack {
  urls: Record<string, string>;
  /** The scratch database the services run on (benches that load data directly write there). */
  databaseUrl: string;
  operatorToken: string;
  /** The bus operator's URL (credentials in it), for benches that publish events themselves. */
  natsUrl: string;
  stop(): Promise<void>;
}

/**
 * The real services as their own processes (what `npm start` runs), on a scratch database that
 * is migrated first and dropped afterwards, and a NATS server of the run's own, configured with
 * the suite's users and permissions as `npm start` configures it (its store is deleted after).
 * `overrides` join every service's environment (a bench's own settings, such as the rails' URLs).
 */
export async function withStack<T>(
  services: ServiceName[],
  work: (stack: RunningStack) => Promise<T>,
  overrides: Record<string, string> = {},
): Promise<T> {
  const nats = await startTestNats();
  const callerKeys = callerKeyPairs();
  const sealing = credentialSealingKeys();
  return withScratchDatabase(process.env.DATABASE_URL!, async (databaseUrl) => {
    for (const schema of SERVICE_SCHEMAS) {
      const dataSource = await createServiceDataSource({
        url: databaseUrl,
        schema: schema.name,
        ...schema,
      }).initialize();
      await runServiceMigrations(dataSource, schema.name).finally(() => dataSource.destroy());
    }
    const operatorToken = `op_${randomBytes(24).toString('hex')}`;
    const notificationPort = await freePort();
    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NATS_URL: nats.address,
      CALLER_KEYS: callerKeys.publicKeys,
      // payments' pair: the gateway (and subscriptions, handing Stripe accounts over) seal to it, payments opens
      CREDENTIALS_SEALING_KEY: sealing.privateKey,
      PAYMENTS_CREDENTIALS_SEALING_PUBLIC_KEY: sealing.publicKey,
      LOG_LEVEL: 'warn',
      JWT_SECRET: randomBytes(32).toString('hex'),
      OPERATOR_TOKEN: operatorToken,
      CREDENTIALS_KEY: randomBytes(32).toString('base64'),
      PAYWALL_TOKEN_KEYS: `k1:${randomBytes(32).toString('base64')}`,
      ADVERTISING_TOKEN_KEYS: `k1:${randomBytes(32).toString('base64')}`,
      // the benches measure the work, not the limits that protect it
      RATE_LIMIT_PER_MINUTE: '1000000',
      PAYWALL_SITE_RATE_PER_S: '1000000',
      PAYWALL_CLIENT_RATE_PER_S: '1000000',
      SITE_CLIENT_RATE_LIMIT_PER_MINUTE: '1000000',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
      GIFT_PAGE_RATE_LIMIT_PER_MINUTE: '1000000',
      PAYWALL_PUBLIC_PORT: String(PUBLIC_DECISIONS_PORT),
      // any free port for advertising's decision server, unless a bench names one (two instances may run)
      ADVERTISING_PUBLIC_PORT: '0',
      // the services' own public ports, free ones, as their HTTP ports are
      PAYMENTS_NOTIFICATION_PORT: String(notificationPort),
      PAYMENTS_NOTIFICATION_BASE_URL: `http://127.0.0.1:${notificationPort}`,
      // where the gateway's /v1/webhooks/stripe/<agency id> forwards
      PAYMENTS_NOTIFICATION_URL: `http://127.0.0.1:${notificationPort}`,
      ...overrides,
    };
    const children: ChildProcess[] = [];
    const urls: Record<string, string> = {};
    try {
      for (const service of services) {
        // Any free port: two benches on one machine must not answer each other's health checks.
        const port = await freePort();
        const child = fork(join(DIST, 'apps', service, 'src', 'main.js'), [], {
          env: {
            ...env,
            HTTP_PORT: String(port),
            NATS_USER: nats.credentialsOf(service).user,
            NATS_PASSWORD: nats.credentialsOf(service).password,
            CALLER_SIGNING_KEY: callerKeys.signingKeyOf(service),
          },
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        });
        children.push(child);
        urls[service] = `http://127.0.0.1:${port}`;
        await healthy(urls[service], child);
      }
      return await work({ urls, databaseUrl, operatorToken, natsUrl: nats.url, stop: () => stopAll(children) });
    } finally {
      await stopAll(children);
    }
  }).finally(() => nats.destroy());
}

async function healthy(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`${url}: the service exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not become healthy`);
}

async function stopAll(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
        }),
    ),
  );
}

/** Starts the bare Fastify baseline in its own process; answers its URL and a stop function. */
export async function startBaseline(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = fork(join(__dirname, 'bare-fastify.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: { port: number }) => resolve(message.port));
    child.once('exit', (code) => reject(new Error(`baseline exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => stopAll([child]) };
}
