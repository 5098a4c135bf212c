import Fastify, { FastifyInstance } from 'fastify';
import { requestIdOf } from './request-id';

export interface RawBodyServerOptions {
  host: string;
  port: number;
  bodyLimit: number;
}

/**
 * A Fastify server for a provider's notifications, on a port of its own: bodies arrive as the
 * exact bytes sent (a signature covers them, so nothing parses a body before it is verified), and
 * instances on one host share the port (the kernel spreads connections), as tests run several in
 * one process. `routes` declares the routes and handlers before it listens.
 */
export async function listenForRawBodies(
  options: RawBodyServerOptions,
  routes: (server: FastifyInstance) => void,
): Promise<{ server: FastifyInstance; url: string }> {
  const server = Fastify({
    logger: false,
    bodyLimit: options.bodyLimit,
    genReqId: (request) => requestIdOf(request.headers),
  });
  server.removeAllContentTypeParsers();
  server.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  routes(server);
  await server.listen({ host: options.host, port: options.port, reusePort: true } as { host: string; port: number });
  const address = server.server.address();
  return { server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : options.port}` };
}
