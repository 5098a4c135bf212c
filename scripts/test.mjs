// `npm test`: brings up PostgreSQL and NATS when needed, then typecheck, format check, lint, build, the check
// that each service's migrations match its entities, and every test (unit and end-to-end).
import { ensureDependencies, reexecUnderNode24, root } from './lib/node24.mjs';

ensureDependencies();
await reexecUnderNode24(new URL(import.meta.url).pathname);

const { spawnSync } = await import('node:child_process');
const { DEFAULT_DATABASE_URL, ensureDatabase, ensurePostgres, natsServerBinary } = await import('./lib/infra.mjs');

const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const stopPostgres = await ensurePostgres(databaseUrl); // stopped again at the end if this run started it
await ensureDatabase(databaseUrl);
// Each end-to-end test file runs its own NATS server (own port, own JetStream store).
const natsServer = natsServerBinary({ install: true });

const env = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  NATS_SERVER_BIN: natsServer,
  NODE_OPTIONS: [process.env.NODE_OPTIONS, '--experimental-vm-modules', '--no-warnings=ExperimentalWarning']
    .filter(Boolean)
    .join(' '),
};
const node = process.execPath;
const { mkdirSync, readFileSync } = await import('node:fs');
mkdirSync(`${root}/.local`, { recursive: true });
const results = `${root}/.local/jest-results.json`;
const steps = [
  ['typecheck', [node, 'node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['format', [node, 'node_modules/prettier/bin/prettier.cjs', '--check', '--log-level=warn', '**/*.{ts,mjs,js,json}']],
  ['lint', [node, 'node_modules/eslint/bin/eslint.js', '.']],
  ['build', [node, 'scripts/build.mjs']],
  ['migrations match entities', [node, 'dist/scripts/check-migrations.js']],
  [
    'tests',
    [
      node,
      'node_modules/jest/bin/jest.js',
      '--maxWorkers=2',
      '--json',
      `--outputFile=${results}`,
      ...process.argv.slice(2),
    ],
  ],
];
for (const [name, [command, ...args]] of steps) {
  console.log(`\n> ${name}`);
  const started = Date.now();
  const run = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (name === 'tests') printTally();
  if (run.status !== 0) {
    console.error(`\n✗ ${name} failed`);
    await stopPostgres();
    process.exit(run.status ?? 1);
  }
  console.log(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

await stopPostgres();

function printTally() {
  try {
    const { numPassedTests, numFailedTests, numPendingTests } = JSON.parse(readFileSync(results, 'utf8'));
    console.log(
      `\ntests: ${numPassedTests} passed, ${numFailedTests} failed${numPendingTests ? `, ${numPendingTests} skipped` : ''}`,
    );
  } catch {
    // jest wrote no results (it failed before running); its own output says why
  }
}
