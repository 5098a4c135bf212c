import { SetMetadata } from '@nestjs/common';
import { ACCESS_META } from '@libs/common';
import type { Role } from './role';

/**
 * Who may call a route. Every route declares it (a meta-test checks), so none is open by
 * accident: `public` (health, docs), `operator` (platform operator), `site` (a reader's browser,
 * publishable site key), or the tenant roles admitted (and, with `orSiteKey`, reader pages too).
 */
export type AccessRule = 'public' | 'operator' | 'site' | { roles: readonly Role[]; orSiteKey?: boolean };

export const Access = (rule: AccessRule) => SetMetadata(ACCESS_META, rule);
