import { Caller, ForbiddenError } from '@libs/common';

/** Agency staff who manage licensing. */
const LICENSING_STAFF = ['admin', 'editor'];

/**
 * Whose licensing objects a caller sees: a licensee's own key only its licensee (a key of the
 * licensee role bound to none sees nothing), licensing staff every licensee (null).
 */
export function licenseeScopeOf(caller: Caller): string | null {
  if (caller.roles.some((role) => LICENSING_STAFF.includes(role))) return null;
  if (caller.roles.includes('licensee') && caller.subjectId) return caller.subjectId;
  throw new ForbiddenError('a licensee key must be bound to a licensee');
}
