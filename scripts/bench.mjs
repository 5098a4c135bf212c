// `npm run bench:<name>`: brings up PostgreSQL when needed, builds, and runs dist/bench/<name>.js
// (which starts a NATS server of its own, configured like `npm start`'s, in a temporary
// directory, so a run leaves nothing behind); its last line is one JSON object with its figures.
import { ensureDependencies, reexecUnderNode24, root } from './lib/node24.mjs';

ensureDependencies();
await reexecUnderNode24(new URL(import.meta.url).pathname);

const { spawnSync } = await import('node:child_process');
const { DEFAULT_DATABASE_URL, ensureDatabase, ensurePostgres, natsServerBinary } = await import('./lib/infra.mjs');

const name = process.argv[2];
if (!name) throw new Error('usage: node scripts/bench.mjs <paywall|…>');
const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const stopPostgres = await ensurePostgres(databaseUrl);
await ensureDatabase(databaseUrl);

let status = 1;
try {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');
  const run = spawnSync(process.execPath, [`dist/bench/${name}.js`], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: databaseUrl, NATS_SERVER_BIN: natsServerBinary({ install: true }) },
  });
  status = run.status ?? 1;
} finally {
  await stopPostgres();
}
process.exit(status);
