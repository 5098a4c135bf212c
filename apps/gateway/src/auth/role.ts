/** Agency staff roles, and the external principals that see only their own objects. */
export const ROLES = ['admin', 'editor', 'adops', 'finance', 'advertiser', 'licensee'] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES: readonly Role[] = ['admin', 'editor', 'adops', 'finance'];
