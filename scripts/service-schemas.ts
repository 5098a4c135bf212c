import { advertisingSchema } from '../apps/advertising/src/database/advertising.schema';
import { financeSchema } from '../apps/finance/src/database/finance.schema';
import { licensingSchema } from '../apps/licensing/src/database/licensing.schema';
import { gatewaySchema } from '../apps/gateway/src/database/gateway.schema';
import { paymentsSchema } from '../apps/payments/src/database/payments.schema';
import { paywallSchema } from '../apps/paywall/src/database/paywall.schema';
import { subscriptionsSchema } from '../apps/subscriptions/src/database/subscriptions.schema';

/** Every service's tables and migrations, for the migration commands. */
export const SERVICE_SCHEMAS = [
  gatewaySchema,
  paywallSchema,
  subscriptionsSchema,
  paymentsSchema,
  advertisingSchema,
  licensingSchema,
  financeSchema,
];

export type ServiceSchema = (typeof SERVICE_SCHEMAS)[number];

export function databaseUrlOf(service: string, env: NodeJS.ProcessEnv = process.env): string {
  const url = env[`${service.toUpperCase()}_DATABASE_URL`] ?? env.DATABASE_URL;
  if (!url) throw new Error(`set DATABASE_URL (or ${service.toUpperCase()}_DATABASE_URL)`);
  return url;
}
