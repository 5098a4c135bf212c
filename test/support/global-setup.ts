import 'reflect-metadata';
import { createServiceDataSource, runServiceMigrations } from '@libs/common';
import { SERVICE_SCHEMAS } from '../../scripts/service-schemas';
import { databaseUrl, TEMPLATE_DATABASE, withAdminClient } from '@libs/testing';

/**
 * Once per test run: rebuilds the template database with every service's migrations, so each
 * test file clones a database that is exactly what `npm run migrate` makes.
 */
export default async function globalSetup(): Promise<void> {
  await withAdminClient(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  });
  for (const schema of SERVICE_SCHEMAS) {
    const dataSource = await createServiceDataSource({
      url: databaseUrl(TEMPLATE_DATABASE),
      schema: schema.name,
      ...schema,
    }).initialize();
    try {
      await runServiceMigrations(dataSource, schema.name);
    } finally {
      await dataSource.destroy();
    }
  }
  // Loading the services here put class-validator's metadata storage on this process's global,
  // and Jest hands this process's globals to test files run in band: they would see a second
  // copy of every contract class, from another realm, and the OpenAPI generator would describe
  // subclasses without their inherited fields. Test files register their own.
  delete (globalThis as { classValidatorMetadataStorage?: unknown }).classValidatorMetadataStorage;
}
