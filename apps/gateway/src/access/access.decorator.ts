import { SetMetadata } from '@nestjs/common';
import { ACCESS_META } from '@libs/common';
import { READER_ROLE, RpcContract, TENANT_ROLES } from '@libs/contracts';
import type { Role } from './role';

/**
 * Who may call a route. Every route declares it (a meta-test checks), so none is open by
 * accident: `public` (health, docs), `operator` (platform operator), `site` (a reader's browser,
 * publishable site key), or the tenant roles admitted (and, with `orSiteKey`, reader pages too).
 * A route that forwards an RPC names its contract instead, and admits whom the contract admits.
 */
export type AccessRule =
  | 'public'
  | 'operator'
  | 'site'
  | { roles: readonly Role[]; orSiteKey?: boolean; contract?: RpcContract<unknown, unknown> };

export const Access = (rule: AccessRule | RpcContract<unknown, unknown>) =>
  SetMetadata(ACCESS_META, typeof rule === 'object' && 'subject' in rule ? accessOfContract(rule) : rule);

function accessOfContract(contract: RpcContract<unknown, unknown>): AccessRule {
  const roles = TENANT_ROLES.filter((role) => contract.roles.includes(role));
  return { roles, orSiteKey: contract.roles.includes(READER_ROLE), contract };
}
