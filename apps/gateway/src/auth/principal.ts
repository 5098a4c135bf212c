import type { Caller } from '@libs/common';
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
  | { kind: 'site'; id: string; tenantId: string };

export type TenantPrincipal = Exclude<Principal, { kind: 'operator' }>;

export function actorOf(principal: Principal): string {
  return `${principal.kind}:${principal.id}`;
}

/** What the gateway tells a service about the caller (in NATS headers). */
export function callerOf(principal: TenantPrincipal, requestId: string): Caller {
  return {
    tenantId: principal.tenantId,
    actor: actorOf(principal),
    roles: principal.kind === 'site' ? ['reader'] : principal.roles,
    requestId,
  };
}
