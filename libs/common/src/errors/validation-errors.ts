import { ValidationError } from 'class-validator';
import { FieldError } from '@libs/contracts';

/**
 * Flattens class-validator's tree into `field: message` pairs named as a reader of the body would
 * write them: dotted for nested objects, brackets for array elements (`items[3].accessLevel`).
 */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = fieldPath(parent, error.property);
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

/** class-validator names an element of a validated array by its index. */
function fieldPath(parent: string, property: string): string {
  if (!parent) return property;
  return /^\d+$/.test(property) ? `${parent}[${property}]` : `${parent}.${property}`;
}
