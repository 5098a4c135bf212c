import { PipeTransform } from '@nestjs/common';
import { ValidationFailedError } from '@libs/common';
import { PAYMENT_RAILS, PaymentRailName } from '@libs/contracts';

/** `:rail` path parameters name a rail; anything else is a 400 naming the parameter. */
export class RailParam implements PipeTransform<string, PaymentRailName> {
  transform(value: string): PaymentRailName {
    if (!(PAYMENT_RAILS as readonly string[]).includes(value))
      throw new ValidationFailedError([{ field: 'rail', message: `rail must be one of ${PAYMENT_RAILS.join(', ')}` }]);
    return value as PaymentRailName;
  }
}
