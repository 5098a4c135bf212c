import { ValidateBy, ValidationOptions } from 'class-validator';

const INSTANT =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** True for an ISO 8601 date-time with a zone designator naming a real calendar day. */
export function isInstant(value: string): boolean {
  const match = INSTANT.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** An ISO 8601 date-time with a time zone, later than the moment it is validated. */
export function IsFutureInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isFutureInstant',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isInstant(value) && Date.parse(value) > Date.now(),
        defaultMessage: () =>
          '$property must be a future ISO 8601 date-time with a time zone, e.g. 2027-06-30T23:59:59+07:00',
      },
    },
    options,
  );
}
