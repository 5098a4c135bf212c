import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

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
      { DATABASE_URL: 'postgres://db/subscriptions', CREDENTIALS_KEY: 'A'.repeat(43) + '=', STRIPE_API_URL: 'ftp://x' },
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
