import { DynamicModule } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import { MicroserviceOptions, Transport } from '@nestjs/microservices';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { MessageHeader } from '@libs/contracts';
import { RequestContext, runWithContext } from '../context/request-context';
import { parseTrustedProxies, trustsHop } from '../http/client-address';
import { ErrorFilter } from '../errors/error.filter';
import { createValidationPipe } from '../errors/validation.pipe';
import { sendFrameworkProblem } from '../http/framework-problem';
import { requestIdOf } from '../http/request-id';
import { createJsonBodyParser } from '../http/json-body.parser';
import { UnwantedBodyInterceptor } from '../http/unwanted-body.interceptor';
import { createLogger, NestPinoLogger } from '../logging/logger';
import { ServiceMetrics } from '../metrics/service-metrics';
import { CallerVerifier } from '../nats/caller-signature';
import { natsConnectionOptions } from '../nats/connect-nats';
import { RpcContextInterceptor } from '../nats/rpc-context.interceptor';
import type { ServiceInstance } from './service-options';

const FILE_TYPES = /^(text\/csv|application\/xml|text\/xml)\b/i;

export interface StartServiceOptions extends ServiceInstance {
  /** Largest accepted HTTP body in bytes. */
  bodyLimit?: number;
  /** Install SIGTERM/SIGINT handlers (a real process); tests close the app themselves. */
  handleSignals?: boolean;
  /** Keep each request's raw body (`req.rawBody`), for routes that verify signatures over it. */
  rawBody?: boolean;
  /** Paths that also take HTML form posts (`application/x-www-form-urlencoded`), e.g. a public page's form. */
  formPaths?: RegExp;
  /** Paths that take a file as the body (`text/csv`, `application/xml`, `text/xml`), handed to the route as a string. */
  filePaths?: RegExp;
  /** Extra setup (OpenAPI, hooks) before the servers listen. */
  configure?: (app: NestFastifyApplication) => void | Promise<void>;
}

/**
 * Boots one service process: Fastify for HTTP (health, metrics, and the public API where the
 * service has one), NATS request-reply in the service's queue group, shared pipes and filters
 * applied to both sides (`inheritAppConfig`), JSON logs carrying the request id.
 */
export async function startService(
  appModule: DynamicModule,
  options: StartServiceOptions,
): Promise<NestFastifyApplication> {
  const { env, service } = options;
  const logger = createLogger(service, env.LOG_LEVEL);
  const bodyLimit = options.bodyLimit ?? 1024 * 1024;
  const adapter = new FastifyAdapter({
    bodyLimit,
    // The router's own refusals (a parameter too long, a malformed path) as problem+json, like every error.
    frameworkErrors: sendFrameworkProblem,
    // Path parameters may be an agency's own ids (an article id has up to 200 characters, counted
    // decoded); the router's default of 100 would answer 414 before the route could validate them.
    // A router option: Fastify 5 deprecates it at the top level (FSTDEP022).
    routerOptions: { maxParamLength: 256 },
    // `request.ip` is the client only as far as TRUSTED_PROXIES vouch for X-Forwarded-For (else the peer).
    trustProxy: trustsHop(parseTrustedProxies(env.TRUSTED_PROXIES) ?? { kind: 'none' }),
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => requestIdOf(req.headers),
  });
  const app = await NestFactory.create<NestFastifyApplication>(appModule, adapter, {
    logger: new NestPinoLogger(logger),
    abortOnError: false,
    rawBody: options.rawBody ?? false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  app.useBodyParser('application/json', { bodyLimit }, createJsonBodyParser(fastify));
  // JSON-LD is JSON (licence offers are ODRL policies in JSON-LD), read by the same parser.
  app.useBodyParser('application/ld+json', { bodyLimit }, createJsonBodyParser(fastify));
  const metrics = app.get(ServiceMetrics);
  fastify.addHook('onRequest', (request: FastifyRequest, reply, done) => {
    void reply.header(MessageHeader.requestId, request.id);
    const context: RequestContext = { requestId: String(request.id) };
    runWithContext(context, done);
  });
  // A JSON API: a body of any other type is refused before anything parses it (forms only where asked for).
  fastify.addHook('onRequest', (request, _reply, done) => {
    const hasBody = request.headers['content-length'] !== undefined && request.headers['content-length'] !== '0';
    const type = request.headers['content-type'] ?? '';
    const path = request.url.split('?')[0];
    const form = options.formPaths?.test(path) === true && /^application\/x-www-form-urlencoded\b/i.test(type);
    const file = options.filePaths?.test(path) === true && FILE_TYPES.test(type);
    if (
      (hasBody || request.headers['transfer-encoding']) &&
      !form &&
      !file &&
      !/^application\/([\w.+-]+\+)?json\b/i.test(type)
    ) {
      done(
        Object.assign(new Error(`send JSON (content-type: application/json), not ${type || 'no content type'}`), {
          statusCode: 415,
        }),
      );
      return;
    }
    done();
  });
  if (options.filePaths) {
    fastify.addContentTypeParser(
      ['text/csv', 'application/xml', 'text/xml'],
      { parseAs: 'string' },
      (_request, body, done) => done(null, body),
    );
  }
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.httpRequests.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    done();
  });

  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorFilter());
  app.useGlobalInterceptors(
    new RpcContextInterceptor(app.get(Reflector), app.get(CallerVerifier)),
    new UnwantedBodyInterceptor(),
  );
  app.connectMicroservice<MicroserviceOptions>(
    {
      transport: Transport.NATS,
      options: {
        ...natsConnectionOptions(env.NATS_URL, `${service}-${options.instanceId}-rpc`, {
          user: env.NATS_USER,
          password: env.NATS_PASSWORD,
          tlsCaFile: env.NATS_TLS_CA_FILE,
        }),
        queue: service,
        gracefulShutdown: true,
        gracePeriod: 500,
      },
    },
    { inheritAppConfig: true },
  );
  if (options.handleSignals) app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  await options.configure?.(app);
  await app.startAllMicroservices();
  await app.listen({ port: env.HTTP_PORT, host: env.HTTP_HOST });
  logger.info({ url: await app.getUrl(), instance: options.instanceId }, `${service} listening`);
  return app;
}
