import { ValidateBy, ValidationOptions } from 'class-validator';

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9]{0,39}$/;
const MAX_FIELDS = 12;
const MAX_VALUE_BYTES = 1024;

/**
 * A rail's credentials as sent: an object of at most 12 named text fields of at most 1 kB each.
 * Which fields a rail needs is its adapter's business; this only keeps the shape sane.
 */
export function IsCredentialFields(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCredentialFields',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          const entries = Object.entries(value);
          return (
            entries.length > 0 &&
            entries.length <= MAX_FIELDS &&
            entries.every(
              ([key, field]) =>
                FIELD_NAME.test(key) && typeof field === 'string' && Buffer.byteLength(field) <= MAX_VALUE_BYTES,
            )
          );
        },
        defaultMessage: () =>
          `$property must be an object of 1 to ${MAX_FIELDS} named text fields of at most ${MAX_VALUE_BYTES} bytes`,
      },
    },
    options,
  );
}
