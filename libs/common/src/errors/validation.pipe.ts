import { ValidationPipe } from '@nestjs/common';
import { ValidationFailedError } from './domain.error';
import { toFieldErrors } from './validation-errors';

/**
 * Whitelisting validation for HTTP bodies and NATS payloads alike: unknown fields are refused,
 * and the refusal is a domain error, so it survives the trip over NATS with its field names.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    // Empty request classes (tenant-scoped queries) have no decorators; whitelisting still refuses unknown fields.
    forbidUnknownValues: false,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedError(toFieldErrors(errors)),
  });
}
