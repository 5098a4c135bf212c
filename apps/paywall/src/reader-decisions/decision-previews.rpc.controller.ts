import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, DomainError, RpcHandler } from '@libs/common';
import { DecisionPreviewRequest, DecisionPreviewResponse, PreviewDecisions, RpcErrorCode } from '@libs/contracts';
import { AgencyNotReadyError } from './agency-not-ready.error';
import { ReaderDecisionsService } from './reader-decisions.service';

@Controller()
export class DecisionPreviewsRpcController {
  constructor(private readonly decisions: ReaderDecisionsService) {}

  @RpcHandler(PreviewDecisions)
  preview(@Payload() request: DecisionPreviewRequest, @CallerOf() caller: Caller): DecisionPreviewResponse {
    try {
      return { items: this.decisions.preview(caller.tenantId, request) };
    } catch (error) {
      if (error instanceof AgencyNotReadyError) throw new DomainError(RpcErrorCode.Unprocessable, error.message);
      throw error;
    }
  }
}
