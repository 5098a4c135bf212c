// `npm run bench:<name>`: brings up PostgreSQL when needed, starts a NATS server of its own
// (JetStream in a temporary directory, so a run leaves nothing behind), builds, and runs
// dist/bench/<name>.js, whose last line is one JSON object with its figures.
import { ensureDependencies, reexecUnderNode24, root } from './lib/node24.mjs';

ensureDependencies();
await reexecUnderNode24(new URL(import.meta.url).pathname);

const { spawn, spawnSync } = await import('node:child_process');
const { mkdtempSync, rmSync } = await import('node:fs');
const { tmpdir } = await import('node:os');
const { join } = await import('node:path');
const { DEFAULT_DATABASE_URL, ensureDatabase, ensurePostgres, natsServerBinary, portOpen } =
  await import('./lib/infra.mjs');

const name = process.argv[2];
if (!name) throw new Error('usage: node scripts/bench.mjs <paywall|…>');
const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const stopPostgres = await ensurePostgres(databaseUrl);
await ensureDatabase(databaseUrl);

const store = mkdtempSync(join(tmpdir(), 'bench-nats-'));
const natsPort = 47_000 + Math.floor(Math.random() * 90);
const nats = spawn(
  natsServerBinary({ install: true }),
  ['-a', '127.0.0.1', '-p', String(natsPort), '-js', '-sd', store],
  { stdio: 'ignore' },
);
for (let i = 0; i < 100 && !(await portOpen('127.0.0.1', natsPort)); i++)
  await new Promise((resolve) => setTimeout(resolve, 100));

let status = 1;
try {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');
  const run = spawnSync(process.execPath, [`dist/bench/${name}.js`], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: databaseUrl, NATS_URL: `nats://127.0.0.1:${natsPort}` },
  });
  status = run.status ?? 1;
} finally {
  nats.kill('SIGTERM');
  await new Promise((resolve) => nats.once('exit', resolve));
  rmSync(store, { recursive: true, force: true });
  await stopPostgres();
}
process.exit(status);
