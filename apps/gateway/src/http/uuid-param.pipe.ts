import { PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { ValidationFailedError } from '@libs/common';

/** `:id` path parameters are UUIDs; anything else is a 400 naming the parameter. */
export class UuidParam implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUUID(value)) throw new ValidationFailedError([{ field: 'id', message: 'id must be a UUID' }]);
    return value;
  }
}
