import { SetMetadata } from '@nestjs/common';

/** Metadata key of a route's access rule; the gateway's guard enforces it. */
export const ACCESS_META = 'revenue:access';

/** Health, metrics and documents: no credentials. */
export const PublicRoute = () => SetMetadata(ACCESS_META, 'public');
