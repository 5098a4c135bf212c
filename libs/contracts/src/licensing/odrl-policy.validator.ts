import { ValidateBy, ValidationOptions } from 'class-validator';

/** The largest ODRL policy an offer holds, as JSON in UTF-8 (far under what a NATS message carries). */
export const ODRL_POLICY_MAX_BYTES = 64 * 1024;

/** An ODRL policy in JSON-LD: its shape is checked here, its terms by the licensing service. */
export type OdrlPolicyDocument = Record<string, unknown>;

/**
 * A JSON object (not a list, not null) of at most {@link ODRL_POLICY_MAX_BYTES} bytes. What it says
 * is validated against ODRL 2.2 by the licensing service, which names each term it refuses.
 */
export function IsOdrlPolicy(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isOdrlPolicy',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Buffer.byteLength(JSON.stringify(value), 'utf8') <= ODRL_POLICY_MAX_BYTES,
        defaultMessage: () =>
          `$property must be an ODRL policy: a JSON-LD object of at most ${ODRL_POLICY_MAX_BYTES} bytes`,
      },
    },
    options,
  );
}
