import { SetMetadata } from '@nestjs/common';

export const SHOWN_ONCE_META = 'idempotency:shown-once';

/**
 * Marks a POST whose answer holds a secret shown once (an API key, a claim code, a token): its
 * answer is not stored for `Idempotency-Key` replays, so a repeat gets 409 instead of the secret.
 */
export const ShownOnce = () => SetMetadata(SHOWN_ONCE_META, true);
