import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createServiceDataSource } from '@libs/common';
import { subscriptionsSchema } from '../apps/subscriptions/src/database/subscriptions.schema';
import { ProviderNotificationRepository } from '../apps/subscriptions/src/provider-notifications/provider-notification.repository';
import { databaseUrlOf } from './service-schemas';

/**
 * Puts an agency's provider notifications that were given up on (failed) back to pending, due now,
 * with their attempts reset; the running subscriptions service processes them again. Answers how
 * many it put back.
 */
export async function replayFailedProviderNotifications(
  databaseUrl: string,
  which: { tenantId: string; since?: Date },
): Promise<number> {
  const dataSource = await createServiceDataSource({
    url: databaseUrl,
    schema: subscriptionsSchema.name,
    ...subscriptionsSchema,
  }).initialize();
  try {
    return await new ProviderNotificationRepository(dataSource).replayFailed(which.tenantId, which.since ?? null);
  } finally {
    await dataSource.destroy();
  }
}

const USAGE = 'usage: provider-notifications:replay -- --tenant <agency id> [--since <ISO date or time>]';

/** `npm run provider-notifications:replay -- --tenant <id> [--since 2026-12-01]`: once the cause is mended. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { tenant: { type: 'string' }, since: { type: 'string' } } });
  if (!values.tenant || !/^[0-9a-f-]{36}$/i.test(values.tenant)) throw new Error(USAGE);
  const since = values.since === undefined ? undefined : new Date(values.since);
  if (since && Number.isNaN(since.getTime())) throw new Error(`--since is not a date: ${values.since}\n${USAGE}`);
  const replayed = await replayFailedProviderNotifications(databaseUrlOf('subscriptions'), {
    tenantId: values.tenant,
    since,
  });
  console.log(`${replayed} failed provider notification(s) of agency ${values.tenant} put back to pending`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
