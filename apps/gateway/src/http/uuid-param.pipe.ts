import { PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { ValidationFailedError } from '@libs/common';

/** `:id` path parameters are UUIDs; anything else is a 400 naming the parameter. */
export class UuidParam implements PipeTransform<string, string> {
  constructor(private readonly field = 'id') {}

  transform(value: string): string {
    if (!isUUID(value))
      throw new ValidationFailedError([{ field: this.field, message: `${this.field} must be a UUID` }]);
    return value;
  }
}
