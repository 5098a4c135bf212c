import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  callerKeyPairs,
  createTestDatabase,
  eventually,
  freePort,
  startTestNats,
  TestDatabase,
  TestNats,
} from '@libs/testing';

const root = join(__dirname, '..');

describe('a service process with bad configuration', () => {
  beforeAll(() => {
    if (!existsSync(join(root, 'dist/apps/finance/src/main.js')))
      throw new Error('run npm run build first (npm test does)');
  });

  it.each([
    ['finance', { DATABASE_URL: 'mysql://db/finance' }, 'DATABASE_URL'],
    ['finance', { DATABASE_URL: 'postgres://db/finance', HTTP_PORT: 'eighty' }, 'HTTP_PORT'],
    [
      'gateway',
      { DATABASE_URL: 'postgres://db/gateway', JWT_SECRET: 'short', OPERATOR_TOKEN: 'x'.repeat(40) },
      'JWT_SECRET',
    ],
    ['subscriptions', { DATABASE_URL: 'postgres://db/subscriptions' }, 'CREDENTIALS_KEY'],
    [
      'subscriptions',
      {
        DATABASE_URL: 'postgres://db/subscriptions',
        CREDENTIALS_KEY: 'A'.repeat(43) + '=',
        PAYMENTS_CREDENTIALS_SEALING_PUBLIC_KEY: 'not a key',
      },
      'PAYMENTS_CREDENTIALS_SEALING_PUBLIC_KEY',
    ],
    [
      'payments',
      { DATABASE_URL: 'postgres://db/payments', CREDENTIALS_KEY: 'A'.repeat(43) + '=', STRIPE_API_URL: 'ftp://x' },
      'STRIPE_API_URL',
    ],
    [
      'subscriptions',
      {
        DATABASE_URL: 'postgres://db/subscriptions',
        CREDENTIALS_KEY: 'A'.repeat(43) + '=',
        PUBLIC_BASE_URL: 'revenue.example.com/',
      },
      'PUBLIC_BASE_URL',
    ],
    [
      'subscriptions',
      {
        DATABASE_URL: 'postgres://db/subscriptions',
        CREDENTIALS_KEY: 'A'.repeat(43) + '=',
        PROVIDER_SYNC_STALE_AFTER_S: '0',
      },
      'PROVIDER_SYNC_STALE_AFTER_S',
    ],
    [
      'subscriptions',
      {
        DATABASE_URL: 'postgres://db/subscriptions',
        CREDENTIALS_KEY: 'A'.repeat(43) + '=',
        PROVIDER_SYNC_PAGE_SIZE: '500',
      },
      'PROVIDER_SYNC_PAGE_SIZE',
    ],
    ['finance', { DATABASE_URL: 'postgres://db/finance', CALLER_KEYS: 'gateway=abc' }, 'CALLER_KEYS'],
  ])('refuses to start %s, naming %p', (service, env, variable) => {
    const run = spawnSync(process.execPath, [join(root, `dist/apps/${service}/src/main.js`)], {
      env: { PATH: process.env.PATH, ...env },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(78);
    expect(run.stderr).toContain(variable);
  });
});

describe('a service process with good configuration', () => {
  let nats: TestNats;
  let database: TestDatabase;

  beforeAll(async () => {
    [nats, database] = await Promise.all([startTestNats(), createTestDatabase()]);
  });

  afterAll(async () => {
    await nats?.destroy();
    await database?.drop();
  });

  it('starts (the paywall: both of its HTTP servers) without printing a warning', async () => {
    const [port, publicPort] = await Promise.all([freePort(), freePort()]);
    const child = spawn(process.execPath, [join(root, 'dist/apps/paywall/src/main.js')], {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: database.url,
        NATS_URL: nats.address,
        NATS_USER: nats.credentialsOf('paywall').user,
        NATS_PASSWORD: nats.credentialsOf('paywall').password,
        CALLER_KEYS: callerKeyPairs().publicKeys,
        HTTP_PORT: String(port),
        PAYWALL_PUBLIC_PORT: String(publicPort),
        PAYWALL_TOKEN_KEYS: `k1:${randomBytes(32).toString('base64')}`,
        LOG_LEVEL: 'warn',
      },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await eventually(async () => expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200), 30_000);
      expect((await fetch(`http://127.0.0.1:${publicPort}/v1/paywall/decisions`)).status).toBe(401);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    expect(output).not.toMatch(/Warning|FSTDEP|DEP0/);
  }, 60_000);
});
