import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problemType, SERVICE_OPTIONS, ServiceOptions } from '@libs/common';
import type { FieldError } from '@libs/contracts';
import { PaywallEnv } from '../config/paywall.config';
import { PaywallMemory } from '../live-state/paywall-memory';
import { parseDecisionRequest } from './decision-request';
import { AgencyNotReadyError, PaywallDecisions } from './paywall-decisions';
import { SiteRateLimits } from './site-rate-limits';

export const DECISIONS_PATH = '/v1/paywall/decisions';

const ANSWER_SCHEMA = {
  type: 'object',
  properties: {
    access: { type: 'string' }, reason: { type: 'string' }, remaining: { type: ['integer', 'null'] }, policyId: { type: ['string', 'null'] },
    segment: { type: 'string' }, offer: { type: 'null' }, variant: { type: 'null' }, anonymousId: { type: 'string' }, meterToken: { type: ['string', 'null'] },
  },
} as const;

/**
 * The public decision endpoint, served by the paywall itself (no gateway, no NATS, no database
 * on the way): a plain Fastify route with the gateway's site-key authentication, a per-site rate
 * limit and problem+json errors. An ingress routes `/v1/paywall/decisions` here.
 */
@Injectable()
export class PublicDecisionRoute implements OnModuleInit {
  private readonly limits: SiteRateLimits;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly decisions: PaywallDecisions,
    private readonly memory: PaywallMemory,
    @Inject(SERVICE_OPTIONS) options: ServiceOptions,
  ) {
    this.limits = new SiteRateLimits((options.env as PaywallEnv).PAYWALL_SITE_RATE_PER_S);
  }

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.route({
      method: 'POST',
      url: DECISIONS_PATH,
      schema: { response: { 200: ANSWER_SCHEMA } },
      handler: (request, reply) => this.handle(request, reply),
    });
    // Reader pages call from the agency's own domain; the key is public, so any origin may ask.
    fastify.route({
      method: 'OPTIONS',
      url: DECISIONS_PATH,
      handler: (_request, reply) => {
        void reply
          .status(204)
          .header('access-control-allow-origin', '*')
          .header('access-control-allow-methods', 'POST')
          .header('access-control-allow-headers', 'content-type, x-site-key, x-request-id')
          .header('access-control-max-age', '86400')
          .send();
      },
    });
  }

  private handle(request: FastifyRequest, reply: FastifyReply): unknown {
    void reply.header('access-control-allow-origin', '*');
    const siteKey = request.headers['x-site-key'];
    const site = typeof siteKey === 'string' ? this.memory.site(siteKey) : undefined;
    if (!site) return problem(request, reply, 401, 'unauthenticated', 'send the site’s publishable key in X-Site-Key');
    const retryAfter = this.limits.take(site.siteId, Date.now());
    if (retryAfter > 0) {
      void reply.header('retry-after', String(retryAfter));
      return problem(request, reply, 429, 'rate-limited', 'too many decisions for this site; slow down');
    }
    const parsed = parseDecisionRequest(request.body);
    if ('errors' in parsed) return problem(request, reply, 400, 'validation-failed', 'the decision request is not valid', parsed.errors);
    try {
      return this.decisions.decide(site, parsed.request, request.ip ?? null);
    } catch (error) {
      if (error instanceof AgencyNotReadyError) return problem(request, reply, 503, 'unavailable', error.message);
      throw error;
    }
  }
}

function problem(request: FastifyRequest, reply: FastifyReply, status: number, slug: string, detail: string, errors?: FieldError[]): FastifyReply {
  const titles: Record<number, string> = { 400: 'Bad request', 401: 'Unauthenticated', 429: 'Too many requests', 503: 'Service unavailable' };
  return reply
    .status(status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify({ type: problemType(slug), title: titles[status], status, detail, instance: DECISIONS_PATH, requestId: String(request.id), errors }));
}
