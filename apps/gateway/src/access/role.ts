import { STAFF_ROLES as STAFF, TENANT_ROLES, TenantRole } from '@libs/contracts';

/** Agency staff roles, and the external principals that see only their own objects. */
export const ROLES = TENANT_ROLES;
export type Role = TenantRole;
export const STAFF_ROLES: readonly Role[] = STAFF;
