import { ValidationFailedError } from '@libs/common';

/**
 * Runs a protocol builder and renames the fields its refusal names (`paymentId`, `money.minorUnits`)
 * to the port's (`orderReference`, `amount`), so an admin reads the name they sent.
 */
export function withPortFieldNames<T>(names: Readonly<Record<string, string>>, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (!(error instanceof ValidationFailedError) || !error.errors) throw error;
    throw new ValidationFailedError(
      error.errors.map((fieldError) => ({ ...fieldError, field: names[fieldError.field] ?? fieldError.field })),
    );
  }
}
