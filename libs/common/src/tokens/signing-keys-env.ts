import { Matches } from 'class-validator';

/** `id:base64-of-32-bytes`, comma-separated: the first signs, all verify. */
export const SIGNING_KEYS_PATTERN =
  /^[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/]{43}=(,[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/]{43}=)*$/;

/** Validates an env variable holding signing keys (see `SIGNING_KEYS_PATTERN`). */
export const IsSigningKeys = (): PropertyDecorator =>
  Matches(SIGNING_KEYS_PATTERN, {
    message: 'must be id:base64 pairs of 32 random bytes, e.g. k1:$(openssl rand -base64 32)',
  });
