import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  DomainError,
  httpStatusOf,
  PROBLEM_CONTENT_TYPE,
  PROBLEM_SLUGS,
  PROBLEM_TITLES,
  problemInstance,
  problemType,
  listenForRawBodies,
  runWithContext,
} from '@libs/common';
import { FieldError, MessageHeader } from '@libs/contracts';
import { SubscriptionsEnv } from '../config/subscriptions.config';
import { ProviderNotificationsService } from './provider-notifications.service';

/** Twice the gateway's body limit: whatever the gateway's route accepts, this accepts too. */
const BODY_LIMIT = 2 * 1024 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Where the payment provider's notifications arrive, on this service's own port
 * (`SUBSCRIPTIONS_WEBHOOK_PORT`): the raw bytes are verified against the agency's signing secret
 * and stored here, where they are processed, so a body of any size the provider sends (an
 * invoice of hundreds of lines) never crosses NATS. The gateway's `/v1/webhooks/stripe/:tenantId`
 * forwards to it over HTTP; an ingress may route the path here directly.
 */
@Injectable()
export class ProviderNotificationServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ProviderNotificationServer.name);
  private readonly port: number;
  private readonly host: string;
  private server?: FastifyInstance;
  url = '';

  constructor(
    private readonly notifications: ProviderNotificationsService,
    env: SubscriptionsEnv,
  ) {
    this.port = env.SUBSCRIPTIONS_WEBHOOK_PORT;
    this.host = env.HTTP_HOST;
  }

  async onApplicationBootstrap(): Promise<void> {
    const listening = await listenForRawBodies(
      { host: this.host, port: this.port, bodyLimit: BODY_LIMIT },
      (server) => {
        server.post('/v1/webhooks/stripe/:tenantId', (request, reply) => this.receive(request, reply));
        server.setNotFoundHandler((request, reply) =>
          this.refuse(request, reply, 404, 'only POST /v1/webhooks/stripe/<agency id> is served here'),
        );
        server.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
          const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
          if (status === 500) this.logger.error(`provider notification not stored: ${error.message}`);
          return this.refuse(
            request,
            reply,
            status,
            status === 500 ? 'the notification could not be stored' : error.message,
          );
        });
      },
    );
    this.server = listening.server;
    this.url = listening.url;
    this.logger.log(`provider notifications at ${this.url}/v1/webhooks/stripe/<agency id>`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.server?.close();
  }

  private async receive(request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
    const { tenantId } = request.params as { tenantId: string };
    if (!UUID.test(tenantId))
      return this.refuse(request, reply, 400, 'the agency id is not valid', [
        { field: 'tenantId', message: 'tenantId must be a UUID' },
      ]);
    const signature = request.headers['stripe-signature'];
    if (typeof signature !== 'string' || signature === '')
      return this.refuse(request, reply, 400, 'the signature is missing', [
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
      return this.refuse(request, reply, httpStatusOf(error.code), error.message, error.errors, error.code);
    }
  }

  private refuse(
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
}
