import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listenForRawBodies, runWithContext } from '@libs/common';
import { MessageHeader } from '@libs/contracts';
import { PaymentsEnv } from '../config/payments.config';
import { isStripeWebhookPath, refuse, StripeWebhookRoutes } from '../stripe/stripe-webhook-routes';
import { RailNotificationsService } from './rail-notifications.service';

/** The largest notification any rail sends is a few kilobytes; this leaves room and no more. */
const BODY_LIMIT = 256 * 1024;

/**
 * Where the rails' notifications arrive, on this service's own public port
 * (`PAYMENTS_NOTIFICATION_PORT`): `POST|GET /v1/notifications/<rail>/<account id>`, and Stripe's
 * webhooks (`StripeWebhookRoutes`). The exact bytes and parameters are verified and stored here,
 * where they are applied: nothing parses a body before its adapter has verified it, and no raw
 * body crosses the bus.
 */
@Injectable()
export class RailNotificationServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RailNotificationServer.name);
  private readonly port: number;
  private readonly host: string;
  private server?: FastifyInstance;
  url = '';

  constructor(
    private readonly notifications: RailNotificationsService,
    private readonly stripeWebhooks: StripeWebhookRoutes,
    env: PaymentsEnv,
  ) {
    this.port = env.PAYMENTS_NOTIFICATION_PORT;
    this.host = env.HTTP_HOST;
  }

  async onApplicationBootstrap(): Promise<void> {
    const listening = await listenForRawBodies(
      { host: this.host, port: this.port, bodyLimit: BODY_LIMIT },
      (server) => {
        const receive = (request: FastifyRequest, reply: FastifyReply) => this.receive(request, reply);
        server.post('/v1/notifications/:rail/:accountId', receive);
        server.get('/v1/notifications/:rail/:accountId', receive);
        this.stripeWebhooks.register(server);
        server.setNotFoundHandler((_request, reply) => reply.status(404).send());
        server.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
          const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
          if (status === 500) this.logger.error(`notification not received at ${request.url}: ${error.message}`);
          if (isStripeWebhookPath(request.url))
            return refuse(
              request,
              reply,
              status,
              status === 500 ? 'the notification could not be stored' : error.message,
            );
          return reply.status(status).send();
        });
      },
    );
    this.server = listening.server;
    this.url = listening.url;
    this.logger.log(`rail notifications at ${this.url}/v1/notifications/<rail>/<account id>`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.server?.close();
  }

  private async receive(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const { rail, accountId } = request.params as { rail: string; accountId: string };
    const requestId = String(request.id);
    const queryAt = request.url.indexOf('?');
    const answer = await runWithContext({ requestId, actor: `rail:${rail}` }, () =>
      this.notifications.receive(rail, accountId, {
        method: request.method === 'GET' ? 'GET' : 'POST',
        query: new URLSearchParams(queryAt === -1 ? '' : request.url.slice(queryAt + 1)),
        headers: request.headers,
        body: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
      }),
    );
    reply.status(answer.status).header(MessageHeader.requestId, requestId);
    if (answer.contentType) reply.header('content-type', answer.contentType);
    return reply.send(answer.body);
  }
}
