import { TEMPLATE_DATABASE, withAdminClient } from '@libs/testing';

/** Once per test run: the template goes, so temporary checkouts leave no database behind. */
export default async function globalTeardown(): Promise<void> {
  await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`));
}
