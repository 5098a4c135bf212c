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
