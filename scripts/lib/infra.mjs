// Makes PostgreSQL and a NATS server with JetStream available: uses what runs, starts what is
// installed, installs from the system packages what is missing (Debian/Ubuntu; root or sudo).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { root } from './node24.mjs';

export const DEFAULT_DATABASE_URL = 'postgres://postgres:postgres@127.0.0.1:5432/revenue';
export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';

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
 * NATS with JetStream at `url`; when local and down, start one whose data stays in .local/.
 * Answers how to stop what it started (nothing, if it was already running).
 */
export async function ensureNats(url) {
  const first = url.split(',')[0].trim();
  const { hostname, port } = new URL(first.replace(/^nats:/, 'http:'));
  const natsPort = Number(port || 4222);
  let stop = NOTHING_TO_STOP;
  if (!(await portOpen(hostname, natsPort))) {
    if (!LOCAL.has(hostname)) throw new Error(`NATS at ${hostname}:${natsPort} is not reachable`);
    const binary = natsServerBinary({ install: true });
    const dir = resolve(root, '.local', 'nats');
    mkdirSync(dir, { recursive: true });
    console.log(`> starting NATS with JetStream on ${hostname}:${natsPort} (data in .local/nats)`);
    const log = openSync(resolve(root, '.local', 'nats-server.log'), 'a');
    const server = spawn(binary, ['-a', hostname, '-p', String(natsPort), '-js', '-sd', dir], {
      detached: true,
      stdio: ['ignore', log, log],
    });
    server.unref();
    await waitForPort(hostname, natsPort, 'NATS');
    stop = async () => {
      console.log('> stopping NATS');
      const exited = new Promise((done) => server.once('exit', done));
      server.ref(); // keep this process alive until the server has exited
      server.kill('SIGTERM');
      await exited;
    };
  }
  await assertJetStream(first);
  return stop;
}

async function assertJetStream(url) {
  const { connect: natsConnect } = await import('@nats-io/transport-node');
  const { jetstreamManager } = await import('@nats-io/jetstream');
  const nc = await natsConnect({ servers: url, timeout: 3000 });
  try {
    await jetstreamManager(nc, { timeout: 3000 });
  } catch {
    throw new Error(`the NATS server at ${url} runs without JetStream; start it with -js`);
  } finally {
    await nc.close();
  }
}
