import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@libs/testing';

const root = join(__dirname, '..');

/**
 * The NATS server `npm start` (and `npm run dev`) brings up when NATS_URL carries no credentials:
 * scripts/lib/infra.mjs run as the scripts run it, in a process of its own, on a port of its own.
 */
describe('the NATS server npm start configures', () => {
  const dir = mkdtempSync(join(tmpdir(), 'start-nats-'));
  const passwords = {
    gateway: 'gw-pass',
    paywall: 'pw-pass',
    subscriptions: 'sub-pass',
    payments: 'pay-pass',
    advertising: 'ad-pass',
    licensing: 'lic-pass',
    finance: 'fin-pass',
    operator: 'op-pass',
  };
  let port: number;
  let starter: ChildProcessWithoutNullStreams;

  beforeAll(async () => {
    if (!existsSync(join(root, 'dist/libs/common/src/nats/bus-authorization.js')))
      throw new Error('run npm run build first (npm test does)');
    port = await freePort();
    const script = `
      const { ensureNats } = await import(${JSON.stringify(join(root, 'scripts/lib/infra.mjs'))});
      const stop = await ensureNats('nats://127.0.0.1:${port}', ${JSON.stringify(passwords)}, { dir: ${JSON.stringify(dir)} });
      console.log('ready');
      process.stdin.once('data', async () => { await stop(); process.exit(0); });`;
    starter = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: root,
      env: { ...process.env, NATS_SERVER_BIN: process.env.NATS_SERVER_BIN ?? '' },
    });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      starter.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('ready')) resolve();
      });
      starter.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      starter.once('exit', (code) => reject(new Error(`the start script's NATS exited (${code}): ${output}`)));
    });
  }, 60_000);

  afterAll(async () => {
    if (starter && starter.exitCode === null) {
      const exited = new Promise((resolve) => starter.once('exit', resolve));
      starter.stdin.write('stop\n');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a client without credentials and admits the operator with JetStream', async () => {
    const servers = `nats://127.0.0.1:${port}`;
    await expect(connect({ servers, reconnect: false })).rejects.toThrow(/authorization/i);
    const operator = await connect({ servers, user: 'operator', pass: passwords.operator, reconnect: false });
    try {
      await expect(operator.rtt()).resolves.toBeGreaterThanOrEqual(0);
    } finally {
      await operator.close();
    }
  });

  it("gives each service the contracts' permissions: finance may not publish the subscriptions service's events", async () => {
    const finance = await connect({
      servers: `nats://127.0.0.1:${port}`,
      user: 'finance',
      pass: passwords.finance,
      inboxPrefix: '_INBOX_finance',
      reconnect: false,
    });
    try {
      await expect(jetstream(finance).publish('evt.subscriptions.entitlement.changed.v1', '{}')).rejects.toThrow(
        /permission/i,
      );
    } finally {
      await finance.close();
    }
  });
});
