import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, DomainError, NotFoundError, RpcHandler } from '@libs/common';
import {
  DecisionPreviewRequest,
  DecisionPreviewResponse,
  PreviewDecisions,
  readerKeyOf,
  RpcErrorCode,
} from '@libs/contracts';
import { PaywallMemory } from '../live-state/paywall-memory';
import { AgencyNotReadyError, PaywallDecisions } from '../public-decisions/paywall-decisions';

@Controller()
export class DecisionPreviewsRpcController {
  constructor(
    private readonly decisions: PaywallDecisions,
    private readonly memory: PaywallMemory,
  ) {}

  @RpcHandler(PreviewDecisions, { roles: ['admin', 'editor'] })
  preview(@Payload() request: DecisionPreviewRequest, @CallerOf() caller: Caller): DecisionPreviewResponse {
    if (this.memory.siteById(request.siteId)?.tenantId !== caller.tenantId)
      throw new NotFoundError('site', request.siteId);
    const readerKey = request.readerId || request.email ? readerKeyOf(request) : null;
    const { country, lang } = request;
    try {
      return {
        items: this.decisions.preview(
          request.siteId,
          readerKey,
          request.articleIds.map((articleId) => ({ articleId, country, lang })),
        ),
      };
    } catch (error) {
      if (error instanceof AgencyNotReadyError) throw new DomainError(RpcErrorCode.Unprocessable, error.message);
      throw error;
    }
  }
}
