import { createHash, randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { Client } from 'pg';

/**
 * The migrated database every test file's database is cloned from (see test/support/global-setup). Named
 * after the checkout, so two checkouts on one machine can run their suites at the same time.
 */
export const TEMPLATE_DATABASE = `revenue_test_template_${createHash('sha256').update(resolve(__dirname, '../../..')).digest('hex').slice(0, 10)}`;

export function serverUrl(): string {
  return (
    process.env.TEST_DATABASE_SERVER_URL ??
    process.env.DATABASE_URL ??
    'postgres://postgres:postgres@127.0.0.1:5432/postgres'
  );
}

export function databaseUrl(database: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, fully migrated database for one test file: a clone of the template (milliseconds). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `revenue_test_${randomBytes(5).toString('hex')}`;
  // Two clones of one template at the same instant can collide ("being accessed by other users").
  for (let attempt = 1; ; attempt++) {
    try {
      await withAdminClient((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`));
      break;
    } catch (error) {
      if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
  return {
    url: databaseUrl(name),
    drop: () =>
      withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
