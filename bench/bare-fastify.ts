import Fastify from 'fastify';

/** The baseline: the machine's plain HTTP server answering a small JSON body, in its own process. */
async function main(): Promise<void> {
  const app = Fastify({ logger: false });
  app.post('/', async () => ({ hello: 'world' }));
  app.get('/', async () => ({ hello: 'world' }));
  await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
  process.send?.({ port: (app.server.address() as { port: number }).port });
}

void main();
