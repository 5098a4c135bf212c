import { Body, Controller, HttpCode, HttpException, Param, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { currentContext, RpcClient } from '@libs/common';
import { PaymentAttemptView, READER_ROLE, StartPaymentAttempt } from '@libs/contracts';
import { Access } from '../access/access.decorator';
import { RateLimiter } from '../auth/rate-limiter';
import { GatewayEnv } from '../config/gateway.config';
import { UuidParam } from '../http/uuid-param.pipe';
import { PayerAttemptBody } from './payer-attempt.body';

/**
 * The payer's side of a pay link (`<PUBLIC_BASE_URL>/pay/<agency id>/<payment id>?token=…`): choosing
 * a rail starts an attempt there. The link's token is the only credential, so no key is needed; the payments
 * service checks it, and each client address is rate-limited here.
 */
@ApiTags('payments')
@Controller('pay')
export class PayPageController {
  private readonly limiter = new RateLimiter();
  private readonly limitPerMinute: number;

  constructor(
    private readonly rpc: RpcClient,
    env: GatewayEnv,
  ) {
    this.limitPerMinute = env.GIFT_PAGE_RATE_LIMIT_PER_MINUTE;
  }

  @Post(':tenantId/:paymentId/attempts')
  @HttpCode(200)
  @Access('public')
  @ApiOperation({ summary: "Start the payer's attempt on a rail: a redirect to the wallet or bank, or a QR to scan" })
  @ApiOkResponse({ type: PaymentAttemptView })
  startAttempt(
    @Param('tenantId', UuidParam) tenantId: string,
    @Param('paymentId', UuidParam) paymentId: string,
    @Body() body: PayerAttemptBody,
    @Req() request: FastifyRequest,
  ) {
    const wait = this.limiter.take(`pay-link:${request.ip}`, this.limitPerMinute);
    if (wait > 0)
      throw new HttpException({ message: `rate limit of ${this.limitPerMinute}/min exceeded`, retryAfter: wait }, 429);
    const caller = { tenantId, actor: 'payer', roles: [READER_ROLE], requestId: currentContext()?.requestId ?? '' };
    return this.rpc.request(
      StartPaymentAttempt,
      {
        id: paymentId,
        payToken: body.token,
        rail: body.rail,
        method: body.method,
        locale: body.locale,
        clientIp: request.ip,
      },
      caller,
    );
  }
}
