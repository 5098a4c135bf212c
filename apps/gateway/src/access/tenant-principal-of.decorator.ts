import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from './authenticated-request';
import type { TenantPrincipal } from './principal';

/** The tenant principal of a tenant route (never the operator). */
export const TenantPrincipalOf = createParamDecorator((_: unknown, ctx: ExecutionContext): TenantPrincipal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal || principal.kind === 'operator')
    throw new Error('TenantPrincipalOf on a route not limited to tenants');
  return principal;
});
