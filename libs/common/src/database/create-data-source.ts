import { DataSource, EntitySchema, MixedList } from 'typeorm';

export interface ServiceDataSourceOptions {
  url: string;
  /** The service's own schema; every table of the service lives in it. */
  schema: string;
  entities: MixedList<string | EntitySchema | (new () => unknown)>;
  migrations: MixedList<string | (new () => unknown)>;
  poolSize?: number;
}

/** Never `synchronize`: schemas change only through the service's migrations. */
export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
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
    extra: { max: options.poolSize ?? 10, application_name: options.schema },
  });
}

/** TypeORM keeps its migrations table in the schema but does not create the schema itself. */
export async function runServiceMigrations(dataSource: DataSource, schema: string): Promise<string[]> {
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}
