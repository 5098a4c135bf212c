import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Caller, currentContext } from '@libs/common';
import type { AuthenticatedRequest } from './authenticated-request';
import { actorOf, TenantPrincipal } from './principal';

/** The caller to put in NATS headers for a request to a service. */
export const CallerFor = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal || principal.kind === 'operator') throw new Error('CallerFor on a route not limited to tenants');
  return callerOf(principal, currentContext()?.requestId ?? 'unknown');
});

/** What the gateway tells a service about the caller (in NATS headers). */
function callerOf(principal: TenantPrincipal, requestId: string): Caller {
  return {
    tenantId: principal.tenantId,
    actor: actorOf(principal),
    roles: principal.kind === 'site' ? ['reader'] : principal.roles,
    requestId,
    ...(principal.kind === 'api-key' && principal.subjectId ? { subjectId: principal.subjectId } : {}),
  };
}
