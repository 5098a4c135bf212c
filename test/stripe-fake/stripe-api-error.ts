export type StripeErrorType = 'invalid_request_error' | 'idempotency_error' | 'api_error' | 'card_error';

/** An error answered in Stripe's envelope: `{ error: { type, code, message, param } }`. */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: StripeErrorType,
    message: string,
    readonly code?: string,
    readonly param?: string,
    /** More fields of the envelope (a card error's `charge` and `decline_code`). */
    readonly details: Record<string, string> = {},
  ) {
    super(message);
  }

  /** 402: the card was declined (the charge exists, failed). */
  static cardDeclined(chargeId: string): StripeApiError {
    return new StripeApiError(402, 'card_error', 'Your card was declined.', 'card_declined', undefined, {
      charge: chargeId,
      decline_code: 'generic_decline',
    });
  }

  /** 404 for an id this account does not have (or that belongs to another account). */
  static resourceMissing(kind: string, id: string, param = 'id'): StripeApiError {
    return new StripeApiError(
      404,
      'invalid_request_error',
      `No such ${kind.replace(/_/g, ' ')}: '${id}'`,
      'resource_missing',
      param,
    );
  }

  static parameterMissing(param: string): StripeApiError {
    return new StripeApiError(
      400,
      'invalid_request_error',
      `Missing required param: ${param}.`,
      'parameter_missing',
      param,
    );
  }

  static parameterInvalid(param: string, message: string, code = 'parameter_invalid'): StripeApiError {
    return new StripeApiError(400, 'invalid_request_error', message, code, param);
  }

  static parametersExclusive(params: string[]): StripeApiError {
    return new StripeApiError(
      400,
      'invalid_request_error',
      `You may only specify one of these parameters: ${params.join(', ')}.`,
      'parameters_exclusive',
      params[0],
    );
  }

  /** A request the parameters allow but the object's state does not. */
  static invalidState(message: string, param?: string): StripeApiError {
    return new StripeApiError(400, 'invalid_request_error', message, undefined, param);
  }

  static unauthenticated(message: string): StripeApiError {
    return new StripeApiError(401, 'invalid_request_error', message);
  }

  static rateLimited(): StripeApiError {
    return new StripeApiError(
      429,
      'invalid_request_error',
      'Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.',
      'rate_limit',
    );
  }

  static idempotencyConflict(key: string): StripeApiError {
    return new StripeApiError(
      400,
      'idempotency_error',
      `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
    );
  }

  static unrecognizedUrl(method: string, path: string): StripeApiError {
    return new StripeApiError(
      404,
      'invalid_request_error',
      `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    );
  }

  toEnvelope(): { error: Record<string, string> } {
    const error: Record<string, string> = { type: this.type, message: this.message, ...this.details };
    if (this.code) {
      error.code = this.code;
      error.doc_url = `https://stripe.com/docs/error-codes/${this.code.replace(/_/g, '-')}`;
    }
    if (this.param) error.param = this.param;
    return { error };
  }
}
