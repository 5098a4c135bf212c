import { FieldError } from '@libs/contracts';

/** RFC 9457 problem details, as every HTTP error of the suite is answered. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Stable problem types: the slug never changes once published. */
export function problemType(slug: string): string {
  return `https://revenue-suite.dev/problems/${slug}`;
}

/** The title of each status a problem may have. */
export const PROBLEM_TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthenticated',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  413: 'Payload too large',
  414: 'URI too long',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  423: 'Locked',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Service unavailable',
};

/** The `type` slug of a problem that has no more specific one. */
export const PROBLEM_SLUGS: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  406: 'not-acceptable',
  409: 'conflict',
  413: 'payload-too-large',
  414: 'uri-too-long',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  423: 'locked',
  429: 'rate-limited',
  500: 'internal',
  503: 'unavailable',
};
