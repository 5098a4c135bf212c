import { randomUUID } from 'node:crypto';
import { ServiceName } from '@libs/contracts';
import { InvalidConfigError, loadEnv } from '../config/load-env';
import { ServiceEnv } from '../config/service-env';
import type { ServiceInstance } from './service-options';

/**
 * The whole of a service's `main.ts`: read and check the environment (a bad variable stops the
 * process naming it, exit code 78), then start the instance with signal handling.
 */
export function runServiceMain<E extends ServiceEnv>(
  service: ServiceName,
  envSchema: new () => E,
  start: (instance: ServiceInstance<E>) => Promise<unknown>,
): void {
  let env: E;
  try {
    env = loadEnv(envSchema);
  } catch (error) {
    if (!(error instanceof InvalidConfigError)) throw error;
    process.stderr.write(`${service}: ${error.message}\n`);
    process.exit(78); // EX_CONFIG
  }
  start({ service, env, instanceId: process.env.INSTANCE_ID ?? randomUUID().slice(0, 8) }).catch((error: unknown) => {
    process.stderr.write(`${service}: failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
