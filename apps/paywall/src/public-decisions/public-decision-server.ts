import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import Fastify, { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Counter } from 'prom-client';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TITLES, problemType, SERVICE_OPTIONS, ServiceMetrics, ServiceOptions } from '@libs/common';
import type { FieldError } from '@libs/contracts';
import { PaywallEnv } from '../config/paywall.config';
import type { Access } from '../decisions/paywall-rules';
import { PaywallMemory } from '../live-state/paywall-memory';
import { parseDecisionRequest, parseStructuredDataRequest } from './decision-request';
import { AgencyNotReadyError, PaywallDecisions } from './paywall-decisions';
import { SiteRateLimits } from './site-rate-limits';

export const DECISIONS_PATH = '/v1/paywall/decisions';
export const STRUCTURED_DATA_PATH = '/v1/paywall/structured-data';

const ANSWER_SCHEMA = {
  type: 'object',
  properties: {
    access: { type: 'string' }, reason: { type: 'string' }, remaining: { type: ['integer', 'null'] }, policyId: { type: ['string', 'null'] },
    segment: { type: 'string' },
    offer: {
      type: ['object', 'null'],
      properties: {
        id: { type: 'string' }, headline: { type: 'string' }, body: { type: 'string' }, cta: { type: 'string' },
        planIds: { type: 'array', items: { type: 'string' } }, couponCode: { type: ['string', 'null'] },
      },
    },
    variant: { type: ['object', 'null'], properties: { experimentId: { type: 'string' }, arm: { type: 'string' } } },
    checkoutReference: { type: ['string', 'null'] }, anonymousId: { type: 'string' }, meterToken: { type: ['string', 'null'] },
  },
} as const;


/**
 * The public decision endpoint, on its own port (`PAYWALL_PUBLIC_PORT`) and its own bare Fastify
 * server: no gateway, no NATS, no database, and none of the per-request machinery of the
 * service's Nest side on the way. Same site-key authentication as the gateway, a per-site rate
 * limit, problem+json errors. An ingress routes `/v1/paywall/decisions` here.
 *
 * Reader pages ask with GET and the fields in the query (`siteKey` there too): a simple request,
 * so browsers send no CORS preflight, and nothing to parse but the URL. Servers may POST JSON.
 */
@Injectable()
export class PublicDecisionServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PublicDecisionServer.name);
  private readonly limits: SiteRateLimits;
  private readonly port: number;
  private readonly host: string;
  private readonly answered: Record<Access, { inc(): void }>;
  private readonly refused: Counter<'status'>;
  private server?: FastifyInstance;
  url = '';

  constructor(
    private readonly decisions: PaywallDecisions,
    private readonly memory: PaywallMemory,
    metrics: ServiceMetrics,
    @Inject(SERVICE_OPTIONS) options: ServiceOptions,
  ) {
    const env = options.env as PaywallEnv;
    this.limits = new SiteRateLimits(env.PAYWALL_SITE_RATE_PER_S);
    this.port = env.PAYWALL_PUBLIC_PORT;
    this.host = env.HTTP_HOST;
    const decided = new Counter({ name: 'paywall_decisions_total', help: 'Paywall decisions by answer', labelNames: ['access'], registers: [metrics.registry] });
    // Children bound once: counting a decision is one addition.
    this.answered = { allow: decided.labels('allow'), meter: decided.labels('meter'), register: decided.labels('register'), block: decided.labels('block') };
    this.refused = new Counter({ name: 'paywall_decisions_refused_total', help: 'Decision requests refused, by status', labelNames: ['status'], registers: [metrics.registry] });
  }

  async onApplicationBootstrap(): Promise<void> {
    const server = (this.server = Fastify({ logger: false, trustProxy: true, bodyLimit: 16 * 1024 }));
    server.get(DECISIONS_PATH, { schema: { response: { 200: ANSWER_SCHEMA } } }, (request, reply) => {
      const { siteKey, ...fields } = request.query as Record<string, unknown>;
      return this.handle(request, reply, typeof siteKey === 'string' ? siteKey : request.headers['x-site-key'], fields);
    });
    server.post(DECISIONS_PATH, { schema: { response: { 200: ANSWER_SCHEMA } } }, (request, reply) =>
      this.handle(request, reply, request.headers['x-site-key'], request.body),
    );
    // What the CMS puts in the article's JSON-LD, from the same policies (Google's paywalled-content markup).
    server.get(STRUCTURED_DATA_PATH, (request, reply) => {
      const { siteKey, ...fields } = request.query as Record<string, unknown>;
      const site = typeof siteKey === 'string' ? this.memory.site(siteKey) : undefined;
      if (!site) return this.refuse(request, reply, 401, 'unauthenticated', 'send the site’s publishable key (siteKey in the query)');
      const parsed = parseStructuredDataRequest(fields);
      if ('errors' in parsed) return this.refuse(request, reply, 400, 'validation-failed', 'the structured-data request is not valid', parsed.errors);
      try {
        const markup = this.decisions.structuredData(site, parsed.request.articleId, parsed.request.cssSelector);
        return reply.header('access-control-allow-origin', '*').header('cache-control', 'public, max-age=60').header('content-type', 'application/ld+json').send(JSON.stringify(markup));
      } catch (error) {
        if (error instanceof AgencyNotReadyError) return this.refuse(request, reply, 503, 'unavailable', error.message);
        throw error;
      }
    });
    // Servers that POST from a browser context get their preflight answered.
    server.options(DECISIONS_PATH, (_request, reply) => {
      void reply
        .status(204)
        .header('access-control-allow-origin', '*')
        .header('access-control-allow-methods', 'GET, POST')
        .header('access-control-allow-headers', 'content-type, x-site-key, x-request-id')
        .header('access-control-max-age', '86400')
        .send();
    });
    server.setNotFoundHandler((request, reply) => problem(request, reply, 404, 'not-found', `only ${DECISIONS_PATH} is served here`));
    server.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
      if (status === 500) this.logger.error(`decision failed: ${error.message}`);
      return problem(request, reply, status, status === 500 ? 'internal' : 'bad-request', status === 500 ? 'the decision failed' : error.message);
    });
    await server.listen({ host: this.host, port: this.port });
    const address = server.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : this.port}`;
    this.logger.log(`decisions at ${this.url}${DECISIONS_PATH}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.server?.close();
  }

  private handle(request: FastifyRequest, reply: FastifyReply, siteKey: string | string[] | undefined, input: unknown): unknown {
    void reply.header('access-control-allow-origin', '*').header('cache-control', 'no-store');
    const site = typeof siteKey === 'string' ? this.memory.site(siteKey) : undefined;
    if (!site) return this.refuse(request, reply, 401, 'unauthenticated', 'send the site’s publishable key (X-Site-Key, or siteKey in the query)');
    const retryAfter = this.limits.take(site.siteId, Date.now());
    if (retryAfter > 0) {
      void reply.header('retry-after', String(retryAfter));
      return this.refuse(request, reply, 429, 'rate-limited', 'too many decisions for this site; slow down');
    }
    const parsed = parseDecisionRequest(input);
    if ('errors' in parsed) return this.refuse(request, reply, 400, 'validation-failed', 'the decision request is not valid', parsed.errors);
    try {
      const answer = this.decisions.decide(site, parsed.request, request.ip ?? null);
      this.answered[answer.access].inc();
      return answer;
    } catch (error) {
      if (error instanceof AgencyNotReadyError) return this.refuse(request, reply, 503, 'unavailable', error.message);
      throw error;
    }
  }

  private refuse(request: FastifyRequest, reply: FastifyReply, status: number, slug: string, detail: string, errors?: FieldError[]): FastifyReply {
    this.refused.labels(String(status)).inc();
    return problem(request, reply, status, slug, detail, errors);
  }
}

function problem(request: FastifyRequest, reply: FastifyReply, status: number, slug: string, detail: string, errors?: FieldError[]): FastifyReply {
  const requestId = request.headers['x-request-id'];
  return reply
    .status(status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify({
      type: problemType(slug), title: PROBLEM_TITLES[status] ?? 'Error', status, detail, instance: request.url.split('?')[0],
      requestId: typeof requestId === 'string' ? requestId : undefined, errors,
    }));
}
