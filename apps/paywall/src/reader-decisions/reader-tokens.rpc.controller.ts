import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, ReaderTokens, RpcHandler, ValidationFailedError } from '@libs/common';
import {
  IssueReaderToken,
  IssueReaderTokenRequest,
  ReaderTokenView,
  readerKeyOf,
  VerifiedReaderView,
  VerifyReaderToken,
  VerifyReaderTokenRequest,
} from '@libs/contracts';
import { PaywallEnv } from '../config/paywall.config';

@Controller()
export class ReaderTokensRpcController {
  private readonly ttlMs: number;

  constructor(
    private readonly tokens: ReaderTokens,
    env: PaywallEnv,
  ) {
    this.ttlMs = env.READER_TOKEN_TTL_MINUTES * 60_000;
  }

  @RpcHandler(IssueReaderToken)
  issue(@Payload() request: IssueReaderTokenRequest, @CallerOf() caller: Caller): ReaderTokenView {
    const readerKey = readerKeyOf(request);
    const expiresAt = new Date(Date.now() + this.ttlMs);
    return {
      token: this.tokens.issue(caller.tenantId, readerKey, expiresAt),
      readerKey,
      expiresAt: expiresAt.toISOString(),
    };
  }

  @RpcHandler(VerifyReaderToken)
  verify(@Payload() request: VerifyReaderTokenRequest, @CallerOf() caller: Caller): VerifiedReaderView {
    const readerKey = this.tokens.readerKeyOf(request.token, caller.tenantId, Date.now());
    if (!readerKey)
      throw new ValidationFailedError([
        { field: 'readerToken', message: "readerToken is expired, forged or another agency's" },
      ]);
    return { readerKey };
  }
}
