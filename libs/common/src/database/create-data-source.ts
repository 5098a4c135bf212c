import { DataSource, EntitySchema, MixedList } from 'typeorm';

export interface ServiceDataSourceOptions {
  url: string;
  /** The service's own schema; every table of the service lives in it. */
  schema: string;
  entities: MixedList<string | EntitySchema | (new () => unknown)>;
  migrations: MixedList<string | (new () => unknown)>;
  poolSize?: number;
  /** Time limits of the pool's connections; each has a default (see `ServiceEnv`). */
  timeouts?: Partial<DatabaseTimeouts>;
}

/** How long a statement may run, a transaction sit idle, and a caller wait for a pooled connection. */
export interface DatabaseTimeouts {
  statementMs: number;
  idleInTransactionMs: number;
  acquireMs: number;
}

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = {
  statementMs: 30_000,
  idleInTransactionMs: 60_000,
  acquireMs: 10_000,
};

/**
 * Never `synchronize`: schemas change only through the service's migrations. A statement over its
 * time fails ("canceling statement due to statement timeout"), a transaction left idle is ended by
 * the server (its locks released), and a caller waiting for a free connection gets "timeout
 * exceeded when trying to connect" instead of hanging.
 */
export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  const timeouts = { ...DEFAULT_DATABASE_TIMEOUTS, ...options.timeouts };
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    extra: {
      max: options.poolSize ?? 10,
      application_name: options.schema,
      statement_timeout: timeouts.statementMs,
      idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
      connectionTimeoutMillis: timeouts.acquireMs,
    },
  });
}

/** TypeORM keeps its migrations table in the schema but does not create the schema itself. */
export async function runServiceMigrations(dataSource: DataSource, schema: string): Promise<string[]> {
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}
