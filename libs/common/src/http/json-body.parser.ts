import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MAX_JSON_NESTING, nestsDeeperThan } from './json-nesting';

type Done = (error: Error | null, body?: unknown) => void;

/**
 * The JSON body parser of every HTTP server of the suite: Fastify's own (prototype poisoning
 * refused), after a body nesting deeper than {@link MAX_JSON_NESTING} levels is refused with 400.
 */
export function createJsonBodyParser(
  fastify: FastifyInstance,
): (request: FastifyRequest, body: Buffer, done: Done) => void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  return (request, body, done) => {
    if (nestsDeeperThan(body))
      return done(
        Object.assign(new Error(`body: the JSON nests deeper than ${MAX_JSON_NESTING} levels`), { statusCode: 400 }),
      );
    // Typed for strings; it reads a buffer as Nest's own JSON parser hands it one.
    void parse(request, body as unknown as string, done);
  };
}
