import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { currentContext } from '@libs/common';
import type { AuthenticatedRequest } from './access.guard';
import { callerOf, Principal, TenantPrincipal } from './principal';

/** The authenticated principal of the request (the AccessGuard has run). */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal on a route without authentication');
  return principal;
});

/** The tenant principal of a tenant route (never the operator). */
export const TenantPrincipalOf = createParamDecorator((_: unknown, ctx: ExecutionContext): TenantPrincipal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal || principal.kind === 'operator')
    throw new Error('TenantPrincipalOf on a route not limited to tenants');
  return principal;
});

/** The caller to put in NATS headers for a request to a service. */
export const CallerFor = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal || principal.kind === 'operator') throw new Error('CallerFor on a route not limited to tenants');
  return callerOf(principal, currentContext()?.requestId ?? 'unknown');
});
