import { ValidateBy, ValidationOptions } from 'class-validator';

/**
 * A string of at most `max` bytes once encoded as UTF-8: the measure of what a NATS message
 * carries (a Vietnamese character takes two or three bytes, so a limit in characters does not
 * keep a message under the server's payload limit).
 */
export function MaxBytes(max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'maxBytes',
      constraints: [max],
      validator: {
        validate: (value: unknown) => typeof value === 'string' && Buffer.byteLength(value, 'utf8') <= max,
        defaultMessage: () => `$property must be a string of at most ${max} bytes (UTF-8)`,
      },
    },
    options,
  );
}
