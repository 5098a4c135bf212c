import { ApiKey } from '../api-keys/api-key.entity';
import { AuditEntry } from '../audit-log/audit-entry.entity';
import { Session } from '../auth/session.entity';
import { IdempotencyRecord } from '../idempotency/idempotency-record.entity';
import { Site } from '../sites/site.entity';
import { Tenant } from '../tenants/tenant.entity';
import { User } from '../users/user.entity';
import { migrations } from './migrations';

/** The tables the gateway owns (identity, audit, idempotency), and their migrations. */
export const gatewaySchema = {
  name: 'gateway' as const,
  entities: [Tenant, Site, ApiKey, User, Session, AuditEntry, IdempotencyRecord],
  migrations,
};
