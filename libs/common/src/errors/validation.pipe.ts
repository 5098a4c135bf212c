import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { ValidationFailedError } from './domain.error';
import { toFieldErrors } from './validation-errors';

const NOT_CLASSES = new Set<unknown>([String, Boolean, Number, Array, Object]);

/**
 * Whitelisting validation for HTTP bodies and NATS payloads alike: unknown fields are refused,
 * and the refusal is a domain error, so it survives the trip over NATS with its field names.
 * A body read as a request class must be a JSON object: `null`, a list or a bare value is
 * refused naming `body` (the stock pipe would validate `null` as `{}`).
 */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const whole = metadata.type === 'body' && metadata.data === undefined;
    if (whole && metadata.metatype && !NOT_CLASSES.has(metadata.metatype) && value !== undefined) {
      if (value === null || typeof value !== 'object' || Array.isArray(value))
        throw new ValidationFailedError([{ field: 'body', message: 'body must be a JSON object' }]);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    // Empty request classes (tenant-scoped queries) have no decorators; whitelisting still refuses unknown fields.
    forbidUnknownValues: false,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedError(toFieldErrors(errors)),
  });
}
