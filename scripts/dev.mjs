// `npm run dev -- <service>`: one service in watch mode. Brings up PostgreSQL and NATS when needed,
// builds, migrates, then runs `nest start <service> --watch` (swc, see nest-cli.json) with the same
// environment and local secrets as `npm start`: every saved change is compiled and the service restarted.
// Ctrl-C stops the service, and PostgreSQL and NATS if this run started them.
import { ensureDependencies, reexecUnderNode24, root } from './lib/node24.mjs';
import { SERVICE_NAMES } from './lib/services.mjs';

const [service, ...extra] = process.argv.slice(2);
if (!SERVICE_NAMES.includes(service) || extra.length > 0) {
  console.error(
    `${service === undefined ? 'name a service' : `unknown service: ${[service, ...extra].join(' ')}`}\n` +
      `usage: npm run dev -- <service>, one of: ${SERVICE_NAMES.join(', ')}`,
  );
  process.exit(2);
}

ensureDependencies();
await reexecUnderNode24(new URL(import.meta.url).pathname);

const { spawn } = await import('node:child_process');
const { delimiter, resolve } = await import('node:path');
const { DEFAULT_DATABASE_URL, DEFAULT_NATS_URL, ensureDatabase, ensureNats, ensurePostgres } =
  await import('./lib/infra.mjs');
const { buildAndMigrate } = await import('./lib/build-and-migrate.mjs');
const { localSecrets } = await import('./lib/secrets.mjs');
const { serviceEnv, servicePort } = await import('./lib/services.mjs');

const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const natsUrl = process.env.NATS_URL ?? DEFAULT_NATS_URL;
// What this run started (not what was already running) it stops again on Ctrl-C.
const stopPostgres = await ensurePostgres(databaseUrl);
await ensureDatabase(databaseUrl);
buildAndMigrate(databaseUrl);
const secrets = localSecrets();
const stopNats = await ensureNats(natsUrl, secrets.natsPasswords);

console.log(`> watching ${service} on :${servicePort(service)} (edit apps/${service} or libs; Ctrl-C stops)`);
const env = serviceEnv(service, { databaseUrl, natsUrl, secrets });
// The project's Node 24 first on the PATH, for the Nest CLI and whatever it runs.
env.PATH = [resolve(root, 'node_modules', '.bin'), env.PATH].filter(Boolean).join(delimiter);
const nest = spawn(process.execPath, ['node_modules/@nestjs/cli/bin/nest.js', 'start', service, '--watch'], {
  cwd: root,
  env,
  stdio: 'inherit',
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stopping = true;
    nest.kill(signal); // the Nest CLI hands it to the service, which shuts down gracefully
  });
}
nest.on('exit', async (code, signal) => {
  if (!stopping) console.error(`! nest start ${service} --watch exited (${signal ?? code})`);
  await stopNats().catch((error) => console.error(`! stopping NATS: ${error.message}`));
  await stopPostgres().catch((error) => console.error(`! stopping PostgreSQL: ${error.message}`));
  process.exit(stopping ? 0 : (code ?? 1));
});
