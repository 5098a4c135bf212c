import { Body, Controller, Get, HttpCode, HttpException, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { currentContext, RemoteRpcError, RpcClient, ServiceUnavailableError } from '@libs/common';
import { PAYMENT_RAILS, PaymentAttemptView, READER_ROLE, RpcErrorCode, StartPaymentAttempt } from '@libs/contracts';
import { Access } from '../access/access.decorator';
import { RateLimiter } from '../auth/rate-limiter';
import { GatewayEnv } from '../config/gateway.config';
import { UuidParam } from '../http/uuid-param.pipe';
import { PayPageLinks, payPageLinks } from './pay-page-links';
import { ChooseNotice } from './pay-page-texts';
import { PAY_PAGE_CSP, PayPage, renderPayPage } from './pay-page.html';
import { PayerPayment, PayPageService } from './pay-page.service';
import { PayerAttemptBody } from './payer-attempt.body';
import { payerFormOf } from './payer-form';
import { PayerLanguage, payerLanguageOf } from './payer-language';
import { payerStateOf } from './payer-state';
import { paymentQrSvg } from './payment-qr';
import { wayToPay } from './way-to-pay';

type Answer = PayPage | { kind: 'redirect'; url: string };

const NOT_FOUND: PayPage = { kind: 'not-found' };

/**
 * The payer's side of a pay link (`<PUBLIC_BASE_URL>/pay/<agency id>/<payment id>?token=…`): a page
 * in Vietnamese (English with `lang=en`) showing what is paid and the rails to pay on, a form per
 * choice that sends the payer to the rail or shows its QR, and a status page. The link's token is
 * the only credential, so no key is needed; the payments service checks it, each client address is
 * rate-limited here, and the token is never logged (routes are recorded by their template). A bad
 * token, an unknown payment and another agency's id all get the same 404 page. Scripts may start
 * an attempt with JSON instead (`…/attempts`).
 */
@ApiTags('payments')
@Controller('pay')
export class PayPageController {
  private readonly limiter = new RateLimiter();
  private readonly limitPerMinute: number;

  constructor(
    private readonly rpc: RpcClient,
    private readonly pages: PayPageService,
    env: GatewayEnv,
  ) {
    this.limitPerMinute = env.GIFT_PAGE_RATE_LIMIT_PER_MINUTE;
  }

  @Get(':tenantId/:paymentId')
  @Access('public')
  @ApiExcludeEndpoint()
  async show(
    @Param('tenantId') tenantId: string,
    @Param('paymentId') paymentId: string,
    @Query('token') token: unknown,
    @Query('lang') lang: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const language = payerLanguageOf(lang, request.headers['accept-language']);
    await this.answer(request, reply, language, async () => {
      const found = await this.pages.find(tenantId, paymentId, token);
      if (!found) return NOT_FOUND;
      const links = payPageLinks('page', paymentId, token as string, language);
      const state = payerStateOf(found.payment, new Date());
      if (state === 'paid' || state === 'expired') return { kind: 'status', ...found, links, state };
      return this.choice(found, links, token as string, state === 'failed' ? 'last-attempt-failed' : undefined);
    });
  }

  /** The form of the page: the payer chose a rail. */
  @Post(':tenantId/:paymentId')
  @Access('public')
  @ApiExcludeEndpoint()
  async choose(
    @Param('tenantId') tenantId: string,
    @Param('paymentId') paymentId: string,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const form = payerFormOf(body);
    const language = payerLanguageOf(form.lang, request.headers['accept-language']);
    await this.answer(request, reply, language, async () => {
      const found = await this.pages.find(tenantId, paymentId, form.token);
      if (!found) return NOT_FOUND;
      const token = form.token as string;
      const links = payPageLinks('page', paymentId, token, language);
      const rail = PAYMENT_RAILS.find((name) => name === form.rail);
      if (!rail || !found.payment.rails.includes(rail))
        return this.choice(found, links, token, 'rail-not-offered', 400);
      let attempt: PaymentAttemptView;
      try {
        attempt = await this.pages.startAttempt(tenantId, paymentId, { token, rail, language, clientIp: request.ip });
      } catch (error) {
        return this.refusal(error, tenantId, paymentId, token, links);
      }
      const way = wayToPay(attempt);
      if (way.kind === 'redirect') return way;
      if (way.kind === 'none') return this.choice(found, links, token, 'rail-refused', 409);
      return { kind: 'qr', ...found, links, attempt, qrSvg: await paymentQrSvg(way.payload) };
    });
  }

  @Get(':tenantId/:paymentId/status')
  @Access('public')
  @ApiExcludeEndpoint()
  async status(
    @Param('tenantId') tenantId: string,
    @Param('paymentId') paymentId: string,
    @Query('token') token: unknown,
    @Query('lang') lang: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const language = payerLanguageOf(lang, request.headers['accept-language']);
    await this.answer(request, reply, language, async () => {
      const found = await this.pages.find(tenantId, paymentId, token);
      if (!found) return NOT_FOUND;
      const links = payPageLinks('status', paymentId, token as string, language);
      return { kind: 'status', ...found, links, state: payerStateOf(found.payment, new Date()) };
    });
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

  private choice(
    found: PayerPayment,
    links: PayPageLinks,
    token: string,
    notice?: ChooseNotice,
    status?: number,
  ): PayPage {
    return { kind: 'choose', ...found, links, token, notice, status };
  }

  /** The rail would not start: the payment as it now is (paid or lapsed meanwhile), or the choice again with why. */
  private async refusal(
    error: unknown,
    tenantId: string,
    paymentId: string,
    token: string,
    links: PayPageLinks,
  ): Promise<PayPage> {
    if (!(error instanceof RemoteRpcError)) throw error;
    const now = await this.pages.find(tenantId, paymentId, token);
    if (!now) return NOT_FOUND;
    const state = payerStateOf(now.payment, new Date());
    if (state === 'paid' || state === 'expired') return { kind: 'status', ...now, links, state };
    switch (error.code) {
      // The rail refused this payment (an amount it does not take, an account no longer usable).
      case RpcErrorCode.ValidationFailed:
      case RpcErrorCode.Conflict:
      case RpcErrorCode.NotFound:
      case RpcErrorCode.Unprocessable:
        return this.choice(now, links, token, 'rail-refused', 409);
      case RpcErrorCode.Unavailable:
        return this.choice(now, links, token, 'rail-unavailable', 503);
      case RpcErrorCode.Forbidden:
      case RpcErrorCode.Internal:
        throw error;
    }
  }

  private async answer(
    request: FastifyRequest,
    reply: FastifyReply,
    language: PayerLanguage,
    decide: () => Promise<Answer>,
  ): Promise<void> {
    const wait = this.limiter.take(`pay-link:${request.ip}`, this.limitPerMinute);
    if (wait > 0) {
      void reply.header('retry-after', String(wait));
      return this.send(reply, { kind: 'rate-limited' }, language);
    }
    let answer: Answer;
    try {
      answer = await decide();
    } catch (error) {
      if (!(error instanceof ServiceUnavailableError)) throw error;
      answer = { kind: 'unavailable' };
    }
    if (answer.kind !== 'redirect') return this.send(reply, answer, language);
    void reply
      .status(303)
      .header('location', answer.url)
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-store')
      .send();
  }

  private send(reply: FastifyReply, page: PayPage, language: PayerLanguage): void {
    const { status, html } = renderPayPage(page, language);
    void reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-language', language)
      .header('content-security-policy', PAY_PAGE_CSP)
      .header('referrer-policy', 'no-referrer')
      .header('x-content-type-options', 'nosniff')
      .header('x-frame-options', 'DENY')
      .header('cache-control', 'no-store')
      .send(html);
  }
}
