import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { currentContext } from './request-context';

/** The principal on whose behalf a service handles a request, as re-checked by the service. */
export interface Caller {
  tenantId: string;
  actor: string;
  roles: readonly string[];
  requestId: string;
  /** The advertiser or licensee a partner's key acts for (its `advertiser`/`licensee` role); absent for staff. */
  subjectId?: string;
}

/** A caller that cannot know the tenant yet (a public page holding only a gift code). */
export type TenantlessCaller = Omit<Caller, 'tenantId'>;

/** Injects the {@link Caller} the RPC interceptor established from the message headers. */
export const CallerOf = createParamDecorator((_: unknown, _ctx: ExecutionContext): Caller => {
  const context = currentContext();
  if (!context?.tenantId) throw new Error('CallerOf used outside a tenant-scoped handler');
  return {
    tenantId: context.tenantId,
    actor: context.actor ?? 'unknown',
    roles: context.roles ?? [],
    requestId: context.requestId,
    ...(context.subjectId ? { subjectId: context.subjectId } : {}),
  };
});
