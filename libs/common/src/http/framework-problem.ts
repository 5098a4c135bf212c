import type { FastifyReply, FastifyRequest } from 'fastify';
import { MessageHeader } from '@libs/contracts';
import { Problem, PROBLEM_CONTENT_TYPE, PROBLEM_SLUGS, PROBLEM_TITLES, problemType } from './problem';

/** The longest path a problem repeats back: a hostile path is cut, never echoed whole. */
const MAX_ECHOED_PATH = 200;

/** What the details of Fastify's own refusals say, without repeating the path they carry. */
const DETAILS: Record<string, string> = {
  FST_ERR_MAX_PARAM_LENGTH: 'a path parameter is longer than this server accepts',
  FST_ERR_BAD_URL: 'the path is not a valid URL',
  FST_ERR_ASYNC_CONSTRAINT: 'the route could not be chosen',
};

/** A path as a problem's `instance`: without the query, cut to a bounded length. */
export function problemInstance(url: string): string {
  const path = url.split('?')[0];
  return path.length > MAX_ECHOED_PATH ? `${path.slice(0, MAX_ECHOED_PATH)}…` : path;
}

/** Problem+json for an error the HTTP framework raises before any route runs (bad URL, long parameter). */
export function frameworkProblem(
  error: { statusCode?: number; code?: string },
  url: string,
  requestId: string,
): Problem {
  const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 400;
  return {
    type: problemType(PROBLEM_SLUGS[status] ?? 'bad-request'),
    title: PROBLEM_TITLES[status] ?? 'Error',
    status,
    detail: DETAILS[error.code ?? ''] ?? 'the request cannot be routed',
    instance: problemInstance(url),
    requestId,
  };
}

/** Fastify's `frameworkErrors` option: its router's refusals answered like every other error. */
export function sendFrameworkProblem(
  error: { statusCode?: number; code?: string },
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const problem = frameworkProblem(error, request.raw.url ?? '', String(request.id));
  void reply
    .status(problem.status)
    .header(MessageHeader.requestId, problem.requestId)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(problem));
}
