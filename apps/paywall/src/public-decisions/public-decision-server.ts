import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import Fastify, { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parse as parseQuery } from 'fast-querystring';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { Counter } from 'prom-client';
import {
  clientAddressOf,
  createJsonBodyParser,
  parseTrustedProxies,
  PROBLEM_CONTENT_TYPE,
  PROBLEM_SLUGS,
  PROBLEM_TITLES,
  problemInstance,
  problemType,
  requestIdOf,
  sendFrameworkProblem,
  ServiceMetrics,
  trustsHop,
  TrustsHop,
} from '@libs/common';
import { DecisionAnswer, FieldError, PAYWALL_DECISIONS_PATH, PAYWALL_STRUCTURED_DATA_PATH } from '@libs/contracts';
import { PaywallEnv } from '../config/paywall.config';
import type { Access } from '../decisions/decision-types';
import { PaywallMemory } from '../memory/paywall-memory';
import { AgencyNotReadyError } from '../reader-decisions/agency-not-ready.error';
import { ReaderDecisionsService } from '../reader-decisions/reader-decisions.service';
import { parseDecisionRequest } from './parse-decision-request';
import { parseStructuredDataRequest } from './parse-structured-data-request';
import { SiteRateLimits } from './site-rate-limits';

/** What a decision request comes to: the answer, or the problem to send instead. */
type Outcome = { answer: DecisionAnswer } | Refusal;

interface Refusal {
  status: number;
  slug: string;
  detail: string;
  errors?: FieldError[];
  retryAfter?: number;
}

const KEEP_ALIVE_MS = 72_000;
/** A decision depends on the site key (and the reader): never kept by a shared cache, keyed by the key in a browser's. */
const ANSWER_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'access-control-allow-origin': '*',
  'cache-control': 'private, no-store',
  vary: 'X-Site-Key',
};

/**
 * The public decision endpoint, on its own port (`PAYWALL_PUBLIC_PORT`) and its own server: no
 * gateway, no NATS, no database, and none of the per-request machinery of the service's Nest
 * side on the way. Same site-key authentication as the gateway, a per-site rate limit,
 * problem+json errors. An ingress routes `/v1/paywall/decisions` here.
 *
 * Reader pages ask with GET and the fields in the query (`siteKey` there too): a simple request,
 * so browsers send no CORS preflight, and nothing to parse but the URL. That GET is every page
 * view, so node's HTTP server answers it directly; Fastify serves the rest (servers' POST with
 * JSON, the preflight, structured data, errors of its own). Both ask `outcome` for the answer.
 */
@Injectable()
export class PublicDecisionServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PublicDecisionServer.name);
  private readonly limits: SiteRateLimits;
  /** The same buckets per site and client address: one client cannot spend its site's budget. */
  private readonly clientLimits: SiteRateLimits;
  /** Which hops may name the client (`TRUSTED_PROXIES`), as the gateway reads them. */
  private readonly trusts: TrustsHop;
  private readonly port: number;
  private readonly host: string;
  /** Decisions by answer, counted as plain numbers and handed to the metric when it is scraped. */
  private readonly answered: Record<Access, number> = { allow: 0, meter: 0, register: 0, block: 0 };
  private readonly refused: Counter<'status'>;
  /** Answers decided in this turn of the event loop, sent together at its end (see `decideForPage`). */
  private unsent: { response: ServerResponse; body: string }[] = [];
  private server?: FastifyInstance;
  url = '';

  constructor(
    private readonly decisions: ReaderDecisionsService,
    private readonly memory: PaywallMemory,
    metrics: ServiceMetrics,
    env: PaywallEnv,
  ) {
    this.limits = new SiteRateLimits(env.PAYWALL_SITE_RATE_PER_S);
    this.clientLimits = new SiteRateLimits(env.PAYWALL_CLIENT_RATE_PER_S);
    this.trusts = trustsHop(parseTrustedProxies(env.TRUSTED_PROXIES) ?? { kind: 'none' });
    this.port = env.PAYWALL_PUBLIC_PORT;
    this.host = env.HTTP_HOST;
    const answered = this.answered;
    const reported: Record<Access, number> = { allow: 0, meter: 0, register: 0, block: 0 };
    new Counter({
      name: 'paywall_decisions_total',
      help: 'Paywall decisions by answer',
      labelNames: ['access'],
      registers: [metrics.registry],
      collect() {
        for (const access of Object.keys(answered) as Access[]) {
          if (answered[access] > reported[access]) this.labels(access).inc(answered[access] - reported[access]);
          reported[access] = answered[access];
        }
      },
    });
    this.refused = new Counter({
      name: 'paywall_decisions_refused_total',
      help: 'Decision requests refused, by status',
      labelNames: ['status'],
      registers: [metrics.registry],
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const server = (this.server = Fastify({
      logger: false,
      trustProxy: this.trusts,
      bodyLimit: 16 * 1024,
      requestIdHeader: false,
      genReqId: (request) => requestIdOf(request.headers),
      // The router's own refusals (a malformed path) as problem+json, like every error here.
      frameworkErrors: sendFrameworkProblem,
      serverFactory: (fastify) => {
        const http = createServer((request, response) => {
          if (request.method === 'GET' && isDecisionsPath(request.url!)) this.decideForPage(request, response);
          else fastify(request, response);
        });
        // What Fastify sets on a server it makes itself (readers' connections are kept alive behind the ingress).
        http.keepAliveTimeout = KEEP_ALIVE_MS;
        return http;
      },
    }));
    // JSON only (Fastify would read text/plain too), refused past a sane nesting depth before it is parsed.
    server.removeAllContentTypeParsers();
    server.addContentTypeParser('application/json', { parseAs: 'buffer' }, createJsonBodyParser(server));
    server.addHook('onRequest', (request, reply, done) => {
      void reply.header('x-request-id', request.id);
      done();
    });
    server.post(PAYWALL_DECISIONS_PATH, (request, reply) => {
      void reply.headers(ANSWER_HEADERS);
      const outcome = this.outcome(request.headers['x-site-key'], request.body, request.ip ?? null);
      return 'answer' in outcome ? outcome.answer : this.refuse(request, reply, outcome);
    });
    // What the CMS puts in the article's JSON-LD, from the same policies (Google's paywalled-content markup).
    server.get(PAYWALL_STRUCTURED_DATA_PATH, (request, reply) => {
      const { siteKey, ...fields } = request.query as Record<string, unknown>;
      const site = typeof siteKey === 'string' ? this.memory.site(siteKey) : undefined;
      if (!site)
        return this.refuse(request, reply, {
          status: 401,
          slug: 'unauthenticated',
          detail: 'send the site’s publishable key (siteKey in the query)',
        });
      const parsed = parseStructuredDataRequest(fields);
      if ('errors' in parsed)
        return this.refuse(request, reply, {
          status: 400,
          slug: 'validation-failed',
          detail: 'the structured-data request is not valid',
          errors: parsed.errors,
        });
      try {
        const markup = this.decisions.structuredData(site, parsed.request.articleId, parsed.request.cssSelector);
        return reply
          .header('access-control-allow-origin', '*')
          .header('cache-control', 'public, max-age=60')
          .header('content-type', 'application/ld+json')
          .send(JSON.stringify(markup));
      } catch (error) {
        if (error instanceof AgencyNotReadyError)
          return this.refuse(request, reply, { status: 503, slug: 'unavailable', detail: error.message });
        throw error;
      }
    });
    // Servers that POST from a browser context get their preflight answered.
    server.options(PAYWALL_DECISIONS_PATH, (_request, reply) => {
      void reply
        .status(204)
        .header('access-control-allow-origin', '*')
        .header('access-control-allow-methods', 'GET, POST')
        .header('access-control-allow-headers', 'content-type, x-site-key, x-request-id')
        .header('access-control-max-age', '86400')
        .send();
    });
    server.setNotFoundHandler((request, reply) =>
      reply
        .status(404)
        .header('content-type', PROBLEM_CONTENT_TYPE)
        .send(
          problemBody(
            { status: 404, slug: 'not-found', detail: `only ${PAYWALL_DECISIONS_PATH} is served here` },
            request.url,
            request.id,
          ),
        ),
    );
    server.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
      if (status === 500) this.logger.error(`decision failed: ${error.message}`);
      const refusal = {
        status,
        slug: PROBLEM_SLUGS[status] ?? 'bad-request',
        detail: status === 500 ? 'the decision failed' : error.message,
      };
      return reply
        .status(status)
        .header('content-type', PROBLEM_CONTENT_TYPE)
        .send(problemBody(refusal, request.url, request.id));
    });
    await server.listen({ host: this.host, port: this.port });
    const address = server.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : this.port}`;
    this.logger.log(`decisions at ${this.url}${PAYWALL_DECISIONS_PATH}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.server?.close();
  }

  /** GET from a reader's page, straight on node's server: the query is all there is to read. */
  private decideForPage(request: IncomingMessage, response: ServerResponse): void {
    const url = request.url!;
    const queryAt = url.indexOf('?');
    const { siteKey, ...fields } = queryAt < 0 ? {} : (parseQuery(url.slice(queryAt + 1)) as Record<string, unknown>);
    let outcome: Outcome;
    try {
      outcome = this.outcome(
        typeof siteKey === 'string' ? siteKey : request.headers['x-site-key'],
        fields,
        clientAddressOf(request.socket.remoteAddress ?? '', request.headers['x-forwarded-for'], this.trusts) || null,
      );
    } catch (error) {
      this.logger.error(`decision failed: ${(error as Error).message}`);
      outcome = { status: 500, slug: 'internal', detail: 'the decision failed' };
    }
    if ('answer' in outcome) {
      // Every page view's answer waits for the others decided from the same wake-up of the event
      // loop, then all are written back to back: a reader's connection is woken once per burst,
      // not once per answer, which costs far more than the decisions (at most one turn of the loop later).
      if (this.unsent.push({ response, body: JSON.stringify(outcome.answer) }) === 1) setImmediate(this.sendAnswers);
      return;
    }
    this.refused.labels(String(outcome.status)).inc();
    const requestId = requestIdOf(request.headers);
    const headers: Record<string, string> = {
      'content-type': PROBLEM_CONTENT_TYPE,
      'x-request-id': requestId,
      'access-control-allow-origin': '*',
      'cache-control': 'no-store',
    };
    if (outcome.retryAfter) headers['retry-after'] = String(outcome.retryAfter);
    const body = problemBody(outcome, url, requestId);
    headers['content-length'] = String(Buffer.byteLength(body));
    response.writeHead(outcome.status, headers).end(body);
  }

  private readonly sendAnswers = (): void => {
    const answers = this.unsent;
    this.unsent = [];
    for (const { response, body } of answers) {
      // With its length given, node sends headers and body in one write (no chunked encoding).
      response.writeHead(200, { ...ANSWER_HEADERS, 'content-length': Buffer.byteLength(body) }).end(body);
    }
  };

  private outcome(siteKey: string | string[] | undefined, input: unknown, clientIp: string | null): Outcome {
    const site = typeof siteKey === 'string' ? this.memory.site(siteKey) : undefined;
    if (!site)
      return {
        status: 401,
        slug: 'unauthenticated',
        detail: 'send the site’s publishable key (X-Site-Key, or siteKey in the query)',
      };
    const now = Date.now();
    const clientWait = this.clientLimits.take(`${site.siteId} ${clientIp ?? ''}`, now);
    if (clientWait > 0)
      return {
        status: 429,
        slug: 'rate-limited',
        detail: 'too many decisions from this address; slow down',
        retryAfter: clientWait,
      };
    const retryAfter = this.limits.take(site.siteId, now);
    if (retryAfter > 0)
      return { status: 429, slug: 'rate-limited', detail: 'too many decisions for this site; slow down', retryAfter };
    const parsed = parseDecisionRequest(input);
    if ('errors' in parsed)
      return {
        status: 400,
        slug: 'validation-failed',
        detail: 'the decision request is not valid',
        errors: parsed.errors,
      };
    try {
      const answer = this.decisions.decide(site, parsed.request, clientIp);
      this.answered[answer.access]++;
      return { answer };
    } catch (error) {
      if (error instanceof AgencyNotReadyError) return { status: 503, slug: 'unavailable', detail: error.message };
      throw error;
    }
  }

  private refuse(request: FastifyRequest, reply: FastifyReply, refusal: Refusal): FastifyReply {
    this.refused.labels(String(refusal.status)).inc();
    if (refusal.retryAfter) void reply.header('retry-after', String(refusal.retryAfter));
    return reply
      .status(refusal.status)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send(problemBody(refusal, request.url, request.id));
  }
}

/** Read once (an imported name is read through the contracts barrel's getters at each use): every request asks. */
const DECISIONS_PATH: string = PAYWALL_DECISIONS_PATH;

function isDecisionsPath(url: string): boolean {
  return url.startsWith(DECISIONS_PATH) && (url.length === DECISIONS_PATH.length || url[DECISIONS_PATH.length] === '?');
}

function problemBody(refusal: Refusal, url: string, requestId: string): string {
  const { status, slug, detail, errors } = refusal;
  return JSON.stringify({
    type: problemType(slug),
    title: PROBLEM_TITLES[status] ?? 'Error',
    status,
    detail,
    instance: problemInstance(url),
    requestId,
    errors,
  });
}
