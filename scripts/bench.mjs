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
  // The build leaves test/ out; benches that play the rails drive the tests' fakes of them.
  const fakes = spawnSync(
    'npx',
    [
      'swc',
      'test/support/rail-fake.ts',
      'test/momo-fake',
      'test/vnpay-fake',
      'test/payos-fake',
      '-d',
      'dist',
      '--only',
      '**/*.ts',
      '--ignore',
      '**/*.spec.ts,**/*.e2e-spec.ts',
      '--quiet',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  if (fakes.status !== 0) throw new Error('building the rail fakes failed');
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
