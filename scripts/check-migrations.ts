import 'reflect-metadata';
import { createServiceDataSource, runServiceMigrations } from '@libs/common';
import { withScratchDatabase } from './scratch-database';
import { databaseUrlOf, SERVICE_SCHEMAS, ServiceSchema } from './service-schemas';

/**
 * Fails when a service's entities and migrations disagree: migrates a scratch database, asks
 * TypeORM what it would still change, then reverts every migration to prove each `down()`.
 */
export async function pendingSchemaChanges(schema: ServiceSchema, url: string): Promise<string[]> {
  const dataSource = await createServiceDataSource({ url, schema: schema.name, ...schema }).initialize();
  try {
    await runServiceMigrations(dataSource, schema.name);
    const sql = await dataSource.driver.createSchemaBuilder().log();
    const pending = sql.upQueries.map((q) => q.query);
    for (let i = 0; i < schema.migrations.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    const left: { n: string }[] = await dataSource.query(
      `SELECT count(*)::text AS n FROM information_schema.tables WHERE table_schema = $1 AND table_name <> 'migrations'`,
      [schema.name],
    );
    if (left[0].n !== '0') pending.push(`-- down() left ${left[0].n} tables in ${schema.name}`);
    return pending;
  } finally {
    await dataSource.destroy();
  }
}

async function main(): Promise<void> {
  let failed = false;
  for (const schema of SERVICE_SCHEMAS) {
    const pending = await withScratchDatabase(databaseUrlOf(schema.name), (url) => pendingSchemaChanges(schema, url));
    if (pending.length === 0) {
      console.log(`${schema.name}: migrations match entities`);
      continue;
    }
    failed = true;
    console.error(
      `${schema.name}: entities and migrations disagree; run npm run migration:generate -- ${schema.name} <Intent>\n  ${pending.join('\n  ')}`,
    );
  }
  if (failed) process.exit(1);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
