import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PasswordSource, renderNatsServerConfig } from '@libs/common';
import { BUS_OPERATOR, SERVICES, ServiceName } from '@libs/contracts';

export interface TestNats {
  /** The operator's URL (credentials in it): for the test's own probes and fixtures. */
  url: string;
  /** The server's address without credentials. */
  address: string;
  /** The NATS user and password of one service, with that service's permissions only. */
  credentialsOf(service: ServiceName): { user: string; password: string };
  /** Stops the server (SIGTERM) and keeps its JetStream store. */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same store. */
  start(): Promise<void>;
  /** Stops it and deletes its store. */
  destroy(): Promise<void>;
}

function natsServerBinary(): string {
  for (const candidate of [
    process.env.NATS_SERVER_BIN,
    '/usr/sbin/nats-server',
    '/usr/local/bin/nats-server',
    '/usr/bin/nats-server',
  ]) {
    if (!candidate) continue;
    try {
      execFileSync(candidate, ['--version'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // try the next
    }
  }
  return 'nats-server';
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A NATS server with JetStream of the test file's own (own port, own store), so test files
 * running side by side never see each other's streams or consumers. It admits only the suite's
 * users (a password each, made here), with the permissions the contracts give them.
 */
export async function startTestNats(): Promise<TestNats> {
  const port = await freePort();
  const store = mkdtempSync(join(tmpdir(), 'nats-test-'));
  const binary = natsServerBinary();
  const passwords = Object.fromEntries(
    [...SERVICES, BUS_OPERATOR].map((user) => [user, { value: randomBytes(18).toString('base64url') }]),
  ) as Record<ServiceName | typeof BUS_OPERATOR, { value: string }>;
  const configFile = join(store, 'nats-server.conf');
  writeFileSync(
    configFile,
    renderNatsServerConfig({
      listen: `127.0.0.1:${port}`,
      storeDir: join(store, 'jetstream'),
      passwords: passwords as Record<ServiceName | typeof BUS_OPERATOR, PasswordSource>,
    }),
    { mode: 0o600 },
  );
  let child: ChildProcess | undefined;

  const start = async () => {
    child = spawn(binary, ['-c', configFile], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    // Whatever ends the test process (but SIGKILL) ends its server too: no orphans left behind.
    const server = child;
    process.once('exit', () => server.kill('SIGKILL'));
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await waitUntilListening(port, () => (child?.exitCode !== null ? `nats-server exited: ${stderr}` : null));
  };
  const stop = async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  await start();
  const address = `nats://127.0.0.1:${port}`;
  return {
    url: `nats://${BUS_OPERATOR}:${passwords[BUS_OPERATOR].value}@127.0.0.1:${port}`,
    address,
    credentialsOf: (service) => ({ user: service, password: passwords[service].value }),
    start,
    stop,
    destroy: async () => {
      await stop();
      rmSync(store, { recursive: true, force: true });
    },
  };
}

async function waitUntilListening(port: number, failed: () => string | null): Promise<void> {
  const { connect } = await import('node:net');
  for (let i = 0; i < 200; i++) {
    const problem = failed();
    if (problem) throw new Error(problem);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port });
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => (socket.destroy(), resolve(false)));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nats-server did not listen on ${port}`);
}
