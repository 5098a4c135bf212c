import { Injectable } from '@nestjs/common';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  DomainError,
  httpStatusOf,
  PROBLEM_CONTENT_TYPE,
  PROBLEM_SLUGS,
  PROBLEM_TITLES,
  problemInstance,
  problemType,
  runWithContext,
} from '@libs/common';
import { FieldError, MessageHeader } from '@libs/contracts';
import { StripeNotificationsService } from './stripe-notifications.service';

/** Stripe sends events of up to a few hundred kilobytes (an invoice of many lines); twice the gateway's limit. */
export const STRIPE_WEBHOOK_BODY_LIMIT = 2 * 1024 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Stripe's webhooks on the notification port: `POST /v1/notifications/stripe/<agency id>`, and
 * the path agencies registered before payments received them, `/v1/webhooks/stripe/<agency id>`
 * (which the gateway also forwards here). Refusals are problem+json naming the field.
 */
@Injectable()
export class StripeWebhookRoutes {
  constructor(private readonly notifications: StripeNotificationsService) {}

  register(server: FastifyInstance): void {
    const receive = (request: FastifyRequest, reply: FastifyReply) => this.receive(request, reply);
    const options = { bodyLimit: STRIPE_WEBHOOK_BODY_LIMIT };
    server.post('/v1/notifications/stripe/:tenantId', options, receive);
    server.post('/v1/webhooks/stripe/:tenantId', options, receive);
  }

  private async receive(request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
    const { tenantId } = request.params as { tenantId: string };
    if (!UUID.test(tenantId))
      return refuse(request, reply, 400, 'the agency id is not valid', [
        { field: 'tenantId', message: 'tenantId must be a UUID' },
      ]);
    const signature = request.headers['stripe-signature'];
    if (typeof signature !== 'string' || signature === '')
      return refuse(request, reply, 400, 'the signature is missing', [
        { field: 'Stripe-Signature', message: 'Stripe-Signature header is required' },
      ]);
    const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const requestId = String(request.id);
    try {
      const answer = await runWithContext({ requestId, tenantId, actor: 'payment-provider' }, () =>
        this.notifications.receive(tenantId, body.toString('utf8'), signature),
      );
      return reply.header(MessageHeader.requestId, requestId).send(answer);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return refuse(request, reply, httpStatusOf(error.code), error.message, error.errors, error.code);
    }
  }
}

/** Whether a request is one of Stripe's webhooks (its refusals, even the server's own, are problem+json). */
export function isStripeWebhookPath(url: string): boolean {
  return url.startsWith('/v1/notifications/stripe/') || url.startsWith('/v1/webhooks/stripe/');
}

export function refuse(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  detail: string,
  errors?: FieldError[],
  code?: string,
): FastifyReply {
  const requestId = String(request.id);
  return reply
    .status(status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .header(MessageHeader.requestId, requestId)
    .send({
      type: problemType(
        code?.replace(/_/g, '-') ?? (errors ? 'validation-failed' : (PROBLEM_SLUGS[status] ?? 'error')),
      ),
      title: PROBLEM_TITLES[status] ?? 'Error',
      status,
      detail,
      instance: problemInstance(request.url),
      requestId,
      ...(errors ? { errors } : {}),
    });
}
