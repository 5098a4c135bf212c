import { PipeTransform } from '@nestjs/common';
import { ValidationFailedError } from '@libs/common';
import { CALENDAR_MONTH, CALENDAR_MONTH_MESSAGE } from '@libs/contracts';

/** `:month` path parameters are calendar months, `YYYY-MM`; anything else is a 400 naming the parameter. */
export class MonthParam implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!CALENDAR_MONTH.test(value))
      throw new ValidationFailedError([{ field: 'month', message: `month ${CALENDAR_MONTH_MESSAGE}` }]);
    return value;
  }
}
