import { ValidationFailedError } from '@libs/common';

/** A MoMo request we refuse to build (or a MoMo message we refuse to read), naming the field. */
export class MomoRequestError extends ValidationFailedError {
  constructor(field: string, message: string) {
    super([{ field, message }]);
  }
}
