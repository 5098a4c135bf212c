import { Body, Controller, Get, HttpException, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError, RemoteRpcError, ServiceUnavailableError } from '@libs/common';
import { RpcErrorCode } from '@libs/contracts';
import { Access } from '../access/access.decorator';
import { RateLimiter } from '../auth/rate-limiter';
import { GatewayEnv } from '../config/gateway.config';
import { GIFT_PAGE_CSP, GiftPage, renderGiftPage } from './gift-page.html';
import { FoundGift, GiftPageService } from './gift-page.service';

/** The form's fields, as posted (form-encoded or JSON); anything else in the body is ignored. */
interface TypedReader {
  email?: unknown;
  readerId?: unknown;
}

/**
 * `<PUBLIC_BASE_URL>/gift/<code>`, the claim link: a small page in Vietnamese and English that
 * shows the gift and redeems it with the reader's email (and their reader id, if they have one).
 * The code in the path is the only credential, so the page needs no key; it is rate-limited per
 * client address instead, and the code is never logged (routes are recorded by their template).
 * A JSON body to the redemption gets JSON back, for pages that post with a script.
 */
@ApiExcludeController()
@Controller('gift')
export class GiftPageController {
  private readonly limiter = new RateLimiter();
  private readonly limitPerMinute: number;

  constructor(
    private readonly pages: GiftPageService,
    env: GatewayEnv,
  ) {
    this.limitPerMinute = env.GIFT_PAGE_RATE_LIMIT_PER_MINUTE;
  }

  @Get(':code')
  @Access('public')
  async show(@Param('code') code: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (!this.admits(request, reply)) return this.send(reply, { kind: 'rate-limited' });
    await this.answer(reply, async () => {
      const found = await this.pages.lookUp(code);
      return found ? { kind: 'gift', ...found, formAction: `${encodeURIComponent(code)}/redeem` } : { kind: 'unknown' };
    });
  }

  @Post(':code/redeem')
  @Access('public')
  async redeem(
    @Param('code') code: string,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const reader = typedReader(body);
    if (/json/i.test(request.headers['content-type'] ?? '')) return this.redeemForScript(code, reader, request, reply);
    if (!this.admits(request, reply)) return this.send(reply, { kind: 'rate-limited' });
    await this.answer(reply, async () => {
      const found = await this.pages.lookUp(code);
      if (!found) return { kind: 'unknown' };
      if (found.gift.status !== 'unredeemed') return { kind: 'gift', ...found, formAction: 'redeem' };
      try {
        return { kind: 'redeemed-now', ...found, redemption: await this.pages.redeem(found, code, reader) };
      } catch (error) {
        return this.refusal(error, found, code, reader);
      }
    });
  }

  private async redeemForScript(
    code: string,
    reader: TypedReader,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<void> {
    if (!this.admits(request, reply))
      throw new HttpException({ message: `rate limit of ${this.limitPerMinute}/min exceeded` }, 429);
    const found = await this.pages.lookUp(code);
    if (!found) throw new NotFoundError('gift code');
    void reply
      .status(200)
      .header('cache-control', 'no-store')
      .send(await this.pages.redeem(found, code, reader));
  }

  /** The form again with what was wrong, or the gift as it now is (someone redeemed it first, or it just expired). */
  private async refusal(error: unknown, found: FoundGift, code: string, reader: TypedReader): Promise<GiftPage> {
    if (!(error instanceof RemoteRpcError)) throw error;
    if (error.code === RpcErrorCode.ValidationFailed) {
      const typed = {
        email: typeof reader.email === 'string' ? reader.email : '',
        readerId: typeof reader.readerId === 'string' ? reader.readerId : '',
      };
      return { kind: 'gift', ...found, formAction: 'redeem', errors: error.errors ?? [], typed };
    }
    if (error.code !== RpcErrorCode.Conflict && error.code !== RpcErrorCode.NotFound) throw error;
    const now = await this.pages.lookUp(code);
    return now ? { kind: 'gift', ...now, formAction: 'redeem' } : { kind: 'unknown' };
  }

  private async answer(reply: FastifyReply, decide: () => Promise<GiftPage>): Promise<void> {
    try {
      this.send(reply, await decide());
    } catch (error) {
      if (!(error instanceof ServiceUnavailableError)) throw error;
      this.send(reply, { kind: 'unavailable' });
    }
  }

  private admits(request: FastifyRequest, reply: FastifyReply): boolean {
    const wait = this.limiter.take(`gift-page:${request.ip}`, this.limitPerMinute);
    if (wait > 0) void reply.header('retry-after', String(wait));
    return wait === 0;
  }

  private send(reply: FastifyReply, page: GiftPage): void {
    const { status, html } = renderGiftPage(page);
    void reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', GIFT_PAGE_CSP)
      .header('referrer-policy', 'no-referrer')
      .header('x-content-type-options', 'nosniff')
      .header('x-frame-options', 'DENY')
      .header('cache-control', 'no-store')
      .send(html);
  }
}

function typedReader(body: unknown): TypedReader {
  if (!body || typeof body !== 'object') return {};
  const { email, readerId } = body as Record<string, unknown>;
  const given = (value: unknown) => (value === undefined || value === '' ? undefined : value);
  return Object.fromEntries(
    Object.entries({ email: given(email), readerId: given(readerId) }).filter(([, value]) => value !== undefined),
  );
}
