import type { Role } from './role';

/** Who a request comes from, once the gateway has authenticated it. */
export type Principal =
  | { kind: 'operator'; id: 'operator' }
  | {
      kind: 'api-key';
      id: string;
      tenantId: string;
      roles: readonly Role[];
      subjectId: string | null;
      rateLimitPerMinute: number | null;
    }
  | { kind: 'user'; id: string; tenantId: string; roles: readonly Role[]; sessionId: string }
  | { kind: 'site'; id: string; tenantId: string; domain: string };

export type TenantPrincipal = Exclude<Principal, { kind: 'operator' }>;

/** The principal as logs, the audit log and NATS headers name it (`api-key:<id>`, `user:<id>`…). */
export function actorOf(principal: Principal): string {
  return `${principal.kind}:${principal.id}`;
}
