// `npm start`: brings up PostgreSQL and NATS when needed, builds, migrates, starts the six
// services, seeds a demo agency and prints where everything is. Ctrl-C stops it all cleanly.
import { ensureDependencies, reexecUnderNode24, root } from './lib/node24.mjs';

ensureDependencies();
await reexecUnderNode24(new URL(import.meta.url).pathname);

const { spawn } = await import('node:child_process');
const { randomBytes } = await import('node:crypto');
const { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } = await import('node:fs');
const { resolve } = await import('node:path');
const { DEFAULT_DATABASE_URL, DEFAULT_NATS_URL, ensureDatabase, ensureNats, ensurePostgres } =
  await import('./lib/infra.mjs');
const { buildAndMigrate } = await import('./lib/build-and-migrate.mjs');
const { localSecrets } = await import('./lib/secrets.mjs');
const { SERVICE_NAMES, serviceEnv } = await import('./lib/services.mjs');
const local = resolve(root, '.local');
mkdirSync(resolve(local, 'logs'), { recursive: true });

const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const natsUrl = process.env.NATS_URL ?? DEFAULT_NATS_URL;
// What this run started (not what was already running) it stops again on Ctrl-C.
const stopPostgres = await ensurePostgres(databaseUrl);
await ensureDatabase(databaseUrl);
buildAndMigrate(databaseUrl);
const secrets = localSecrets();
const stopNats = await ensureNats(natsUrl, secrets.natsPasswords);

const children = new Map();
let stopping = false;
for (const service of SERVICE_NAMES) {
  const log = openSync(resolve(local, 'logs', `${service}.log`), 'a');
  const env = serviceEnv(service, { databaseUrl, natsUrl, secrets });
  const child = spawn(process.execPath, ['--enable-source-maps', `dist/apps/${service}/src/main.js`], {
    cwd: root,
    env,
    stdio: ['ignore', log, log],
  });
  child.on('exit', (code, signal) => {
    children.delete(service);
    if (!stopping) {
      console.error(`! ${service} exited (${signal ?? code}); see .local/logs/${service}.log`);
      void stop(1);
    }
  });
  children.set(service, { child, port: Number(env.HTTP_PORT) });
}

async function ready(port) {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

for (const [service, { port }] of children) {
  if (!(await ready(port))) {
    console.error(`! ${service} is not healthy after 30 s; see .local/logs/${service}.log`);
    await stop(1);
  }
}

const gateway = `http://127.0.0.1:${children.get('gateway').port}`;
const demo = await seedDemoAgency(gateway);

console.log(`
Revenue suite is running.
  API            ${gateway}/v1
  OpenAPI docs   ${gateway}/docs   (${gateway}/openapi.json)
  AsyncAPI       ${gateway}/asyncapi.json
  Paywall        http://127.0.0.1:${process.env.PAYWALL_PUBLIC_PORT ?? 3011}/v1/paywall/decisions   (served by the paywall itself; siteKey in the query or X-Site-Key)
  Ads            http://127.0.0.1:${process.env.ADVERTISING_PUBLIC_PORT ?? 3013}/v1/ads/decisions?siteKey=…&units=…   (served by advertising itself, with its beacons /v1/ads/events/…)
  NATS           ${natsUrl.replace(/\/\/[^@/]*@/, '//***@')}   (${natsUrl.includes('@') ? 'the credentials given' : "a user per service; the operator's password is in .local/secrets.json"})
  Webhooks       http://127.0.0.1:${process.env.PAYMENTS_NOTIFICATION_PORT ?? 3016}/v1/notifications/stripe/<agency id>   (Stripe; received by payments itself; ${gateway}/v1/webhooks/stripe/<agency id> forwards there)
  Rail notices   http://127.0.0.1:${process.env.PAYMENTS_NOTIFICATION_PORT ?? 3016}/v1/notifications/<rail>/<account id>   (MoMo, VNPay, payOS; received by payments itself)
  Health         ${[...children].map(([s, { port }]) => `${s} :${port}/health`).join(', ')}
  Logs           .local/logs/<service>.log (JSON)
  Demo agency    "${demo.slug}" — admin API key: ${demo.adminKey}
  Operator token (creates agencies): see .local/secrets.json
  Try: curl -H "Authorization: Bearer ${demo.adminKey}" ${gateway}/v1/finance/accounts
Press Ctrl-C to stop.`);

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

async function seedDemoAgency(base) {
  const demoFile = resolve(local, 'demo.json');
  if (existsSync(demoFile)) {
    const saved = JSON.parse(readFileSync(demoFile, 'utf8'));
    const check = await fetch(`${base}/v1/tenant`, { headers: { authorization: `Bearer ${saved.adminKey}` } });
    if (check.ok) return saved;
  }
  const slug = `demo-${randomBytes(3).toString('hex')}`;
  const response = await fetch(`${base}/v1/tenants`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secrets.OPERATOR_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'Báo Demo',
      slug,
      defaultCurrency: 'VND',
      timeZone: 'Asia/Ho_Chi_Minh',
      locale: 'vi',
    }),
  });
  if (!response.ok) throw new Error(`seeding the demo agency failed: ${response.status} ${await response.text()}`);
  const body = await response.json();
  const seeded = { slug, tenantId: body.tenant.id, adminKey: body.adminApiKey.secret };
  writeFileSync(demoFile, JSON.stringify(seeded, null, 2), { mode: 0o600 });
  return seeded;
}

async function stop(code) {
  if (stopping) return;
  stopping = true;
  console.log('\n> stopping services');
  for (const { child } of children.values()) child.kill('SIGTERM');
  const deadline = Date.now() + 15_000;
  while (children.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const { child } of children.values()) child.kill('SIGKILL');
  await stopNats().catch((error) => console.error(`! stopping NATS: ${error.message}`));
  await stopPostgres().catch((error) => console.error(`! stopping PostgreSQL: ${error.message}`));
  process.exit(code);
}
