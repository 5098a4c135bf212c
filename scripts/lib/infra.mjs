// Makes PostgreSQL and a NATS server with JetStream available: uses what runs, starts what is
// installed, installs from the system packages what is missing (Debian/Ubuntu; root or sudo).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { root } from './node24.mjs';

export const DEFAULT_DATABASE_URL = 'postgres://postgres:postgres@127.0.0.1:5432/revenue';
/** The suite's own NATS (its users and permissions), beside any the machine runs on 4222. */
export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4223';

const LOCAL = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export function portOpen(host, port, timeoutMs = 1000) {
  return new Promise((done) => {
    const socket = connect({ host: host.replace(/^\[|\]$/g, ''), port });
    const finish = (ok) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

async function waitForPort(host, port, what, seconds = 30) {
  for (let i = 0; i < seconds * 4; i++) {
    if (await portOpen(host, port)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not come up on ${host}:${port}`);
}

function which(command) {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  if (found.status === 0) return found.stdout.trim();
  for (const dir of ['/usr/sbin', '/usr/local/sbin', '/sbin', '/usr/local/bin']) {
    if (existsSync(`${dir}/${command}`)) return `${dir}/${command}`;
  }
  return null;
}

function asRoot(args) {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot && !which('sudo')) throw new Error(`need root or sudo to run: ${args.join(' ')}`);
  const [command, ...rest] = isRoot ? args : ['sudo', ...args];
  execFileSync(command, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

let aptUpdated = false;
function aptInstall(...packages) {
  if (!which('apt-get'))
    throw new Error(
      `${packages.join(', ')} missing and no apt-get to install it; set DATABASE_URL / NATS_URL to running servers`,
    );
  console.log(`> installing ${packages.join(', ')} from the system packages`);
  if (!aptUpdated) asRoot(['apt-get', 'update', '-qq']);
  aptUpdated = true;
  asRoot(['apt-get', 'install', '-y', '-qq', ...packages]);
}

const NOTHING_TO_STOP = async () => undefined;

/**
 * PostgreSQL at `url`; when local and down: start the installed cluster, or install one.
 * Answers how to stop what it started (nothing, if it was already running).
 */
export async function ensurePostgres(url) {
  const { hostname, port } = new URL(url);
  const host = hostname || '127.0.0.1';
  const pgPort = Number(port || 5432);
  if (await portOpen(host, pgPort)) return NOTHING_TO_STOP;
  if (!LOCAL.has(host)) throw new Error(`PostgreSQL at ${host}:${pgPort} is not reachable`);
  if (!which('pg_ctlcluster')) aptInstall('postgresql');
  const versions = existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql').sort() : [];
  if (versions.length === 0) throw new Error('PostgreSQL is installed but has no cluster in /etc/postgresql');
  const version = versions[versions.length - 1];
  console.log(`> starting PostgreSQL ${version}`);
  asRoot(['pg_ctlcluster', '--skip-systemctl-redirect', version, 'main', 'start']);
  await waitForPort(host, pgPort, 'PostgreSQL');
  // A fresh Debian cluster wants a password over TCP: give the superuser the one in the URL.
  const password = decodeURIComponent(new URL(url).password || 'postgres');
  spawnSync('su', ['postgres', '-c', `psql -qc "ALTER USER postgres PASSWORD '${password.replace(/'/g, "''")}'"`], {
    stdio: 'ignore',
  });
  return async () => {
    console.log(`> stopping PostgreSQL ${version}`);
    asRoot(['pg_ctlcluster', '--skip-systemctl-redirect', version, 'main', 'stop']);
  };
}

/** Creates the database named in `url` when it does not exist. */
export async function ensureDatabase(url) {
  const pg = (await import('pg')).default;
  const admin = new URL(url);
  const database = decodeURIComponent(admin.pathname.slice(1));
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

export function natsServerBinary({ install }) {
  let binary = which('nats-server');
  if (!binary && install) {
    aptInstall('nats-server');
    binary = which('nats-server');
  }
  return binary;
}

/**
 * NATS with JetStream for the suite. When `url` carries credentials (`nats://user:password@host`),
 * that server as its operator configured it. Otherwise a server the suite configures itself, at
 * `url`'s address: each service its own user with the permissions the contracts give it, and the
 * operator (scripts, on-call) with all; a server already listening there must admit the suite's
 * operator. Built code (dist/) must exist: the configuration is derived from the contracts.
 * Answers how to stop what it started (nothing, if it was already running).
 */
export async function ensureNats(url, natsPasswords, { dir = resolve(root, '.local', 'nats') } = {}) {
  const first = url.split(',')[0].trim();
  const parsed = new URL(first.replace(/^(nats|tls):/, 'http:'));
  if (parsed.username) {
    await assertJetStream(first);
    return NOTHING_TO_STOP;
  }
  const hostname = parsed.hostname;
  const natsPort = Number(parsed.port || 4222);
  const operator = { user: 'operator', pass: natsPasswords.operator };
  if (await portOpen(hostname, natsPort)) {
    await assertJetStream(`nats://${hostname}:${natsPort}`, operator).catch((error) => {
      throw new Error(
        `a NATS server at ${hostname}:${natsPort} does not admit the suite's operator (${error.message}): ` +
          'stop it, set NATS_URL to a free port for the suite to configure its own, or give NATS_URL credentials',
      );
    });
    return NOTHING_TO_STOP;
  }
  if (!LOCAL.has(hostname)) throw new Error(`NATS at ${hostname}:${natsPort} is not reachable`);
  const binary = natsServerBinary({ install: true });
  mkdirSync(dir, { recursive: true });
  const require = createRequire(import.meta.url);
  require('reflect-metadata'); // the contracts' decorators need it
  const { renderNatsServerConfig } = require(resolve(root, 'dist/libs/common/src/nats/bus-authorization.js'));
  const configFile = resolve(dir, 'nats-server.conf');
  const passwords = Object.fromEntries(Object.entries(natsPasswords).map(([user, value]) => [user, { value }]));
  writeFileSync(
    configFile,
    renderNatsServerConfig({ listen: `${hostname}:${natsPort}`, storeDir: resolve(dir, 'jetstream'), passwords }),
    { mode: 0o600 },
  );
  console.log(`> starting NATS with JetStream on ${hostname}:${natsPort} (the suite's users; data in ${dir})`);
  const log = openSync(resolve(dir, 'nats-server.log'), 'a');
  const server = spawn(binary, ['-c', configFile], { detached: true, stdio: ['ignore', log, log] });
  server.unref();
  await waitForPort(hostname, natsPort, 'NATS');
  await assertJetStream(`nats://${hostname}:${natsPort}`, operator);
  return async () => {
    console.log('> stopping NATS');
    const exited = new Promise((done) => server.once('exit', done));
    server.ref(); // keep this process alive until the server has exited
    server.kill('SIGTERM');
    await exited;
  };
}

async function assertJetStream(url, credentials = {}) {
  const { connect: natsConnect } = await import('@nats-io/transport-node');
  const { jetstreamManager } = await import('@nats-io/jetstream');
  const parsed = new URL(url.replace(/^(nats|tls):/, 'http:'));
  const fromUrl = parsed.username
    ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) }
    : {};
  const nc = await natsConnect({
    servers: `${url.split(':')[0]}://${parsed.host}`,
    timeout: 3000,
    reconnect: false,
    ...fromUrl,
    ...credentials,
  });
  try {
    await jetstreamManager(nc, { timeout: 3000 });
  } catch {
    throw new Error(`the NATS server at ${url} runs without JetStream; start it with -js`);
  } finally {
    await nc.close();
  }
}
