import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  ByIdRequest,
  ListSavedTokens,
  ListSavedTokensRequest,
  RevokeSavedToken,
  SavedTokenListResponse,
  SavedTokenView,
} from '@libs/contracts';
import { SavedTokensService } from './saved-tokens.service';

@Controller()
export class SavedTokensRpcController {
  constructor(private readonly tokens: SavedTokensService) {}

  @RpcHandler(ListSavedTokens)
  list(@Payload() request: ListSavedTokensRequest, @CallerOf() caller: Caller): Promise<SavedTokenListResponse> {
    return this.tokens.list(caller.tenantId, request);
  }

  @RpcHandler(RevokeSavedToken)
  revoke(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<SavedTokenView> {
    return this.tokens.revoke(caller.tenantId, request.id);
  }
}
