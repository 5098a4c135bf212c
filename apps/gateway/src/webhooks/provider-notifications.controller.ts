import { Controller, Headers, Param, Post, RawBodyRequest, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { currentContext, ValidationFailedError } from '@libs/common';
import { Access } from '../access/access.decorator';
import { UuidParam } from '../http/uuid-param.pipe';
import { ProviderNotificationForwarder } from './provider-notification-forwarder';

/**
 * Stripe's webhooks at the URL agencies registered before payments received them,
 * `/v1/webhooks/stripe/<tenant id>`: the gateway passes the exact bytes and the signature to
 * payments' notification port over HTTP, which verifies them with that agency's signing secret and
 * stores the event before this answers with its answer. New registrations use payments'
 * `/v1/notifications/stripe/<tenant id>` directly.
 */
@Controller('v1/webhooks')
export class ProviderNotificationsController {
  constructor(private readonly forwarder: ProviderNotificationForwarder) {}

  @Post('stripe/:tenantId')
  @Access('public')
  @ApiExcludeEndpoint()
  async receiveStripe(
    @Param('tenantId', new UuidParam('tenantId')) tenantId: string,
    @Headers('stripe-signature') signature: string | undefined,
    @Req() request: RawBodyRequest<FastifyRequest>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (!signature)
      throw new ValidationFailedError([{ field: 'Stripe-Signature', message: 'Stripe-Signature header is required' }]);
    const answer = await this.forwarder.forward(
      `/v1/webhooks/stripe/${tenantId}`,
      request.rawBody ?? Buffer.alloc(0),
      signature,
      currentContext()?.requestId ?? String(request.id),
    );
    await reply.status(answer.status).header('content-type', answer.contentType).send(answer.body);
  }
}
