import 'reflect-metadata';
import { createServiceDataSource, runServiceMigrations } from '@libs/common';
import { databaseUrlOf, SERVICE_SCHEMAS } from './service-schemas';

/** `npm run migrate`: brings every service's schema up to date, each in its own database. */
async function main(): Promise<void> {
  for (const schema of SERVICE_SCHEMAS) {
    const dataSource = await createServiceDataSource({
      url: databaseUrlOf(schema.name),
      schema: schema.name,
      ...schema,
    }).initialize();
    try {
      const applied = await runServiceMigrations(dataSource, schema.name);
      console.log(`${schema.name}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`);
    } finally {
      await dataSource.destroy();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
