import { Controller, Headers, HttpCode, Param, Post, RawBodyRequest, Req } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { currentContext, RpcClient, ValidationFailedError } from '@libs/common';
import { ReceiveProviderNotification, SERVICE_ROLES } from '@libs/contracts';
import { Access } from '../access/access.decorator';
import { UuidParam } from '../http/uuid-param.pipe';

/**
 * Provider notifications: Stripe posts each agency's events to `/v1/webhooks/stripe/<tenant id>`.
 * The gateway passes the exact bytes and the signature to subscriptions, which verifies them with
 * that agency's signing secret and stores the notification before this answers.
 */
@Controller('v1/webhooks')
export class ProviderNotificationsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('stripe/:tenantId')
  @HttpCode(200)
  @Access('public')
  @ApiExcludeEndpoint()
  receiveStripe(
    @Param('tenantId', new UuidParam('tenantId')) tenantId: string,
    @Headers('stripe-signature') signature: string | undefined,
    @Req() request: RawBodyRequest<FastifyRequest>,
  ) {
    if (!signature)
      throw new ValidationFailedError([{ field: 'Stripe-Signature', message: 'Stripe-Signature header is required' }]);
    const payload = request.rawBody?.toString('utf8') ?? '';
    const caller = {
      tenantId,
      actor: 'payment-provider:stripe',
      roles: [SERVICE_ROLES.providerNotification],
      requestId: currentContext()?.requestId ?? 'webhook',
    };
    return this.rpc.request(ReceiveProviderNotification, { payload, signature }, caller);
  }
}
