import { Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import {
  GetPolicyRevision,
  ListPolicyRevisions,
  PolicyRevisionListResponse,
  PolicySetView,
  RestorePolicyRevision,
} from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';

/** Every revision of the policies, and rolling back to one. */
@ApiTags('paywall')
@ApiBearerAuth()
@Controller('v1/paywall/policy-revisions')
export class PaywallPolicyRevisionsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Access(ListPolicyRevisions)
  @ApiOperation({ summary: 'Every revision of the policies, newest first' })
  @ApiOkResponse({ type: PolicyRevisionListResponse })
  listRevisions(@CallerFor() caller: Caller) {
    return this.rpc.request(ListPolicyRevisions, {}, caller);
  }

  @Get(':revision')
  @Access(GetPolicyRevision)
  @ApiOkResponse({ type: PolicySetView })
  getRevision(@Param('revision', ParseIntPipe) revision: number, @CallerFor() caller: Caller) {
    return this.rpc.request(GetPolicyRevision, { revision }, caller);
  }

  @Post(':revision/restore')
  @HttpCode(200)
  @Access(RestorePolicyRevision)
  @ApiOperation({ summary: 'Roll back: make an old revision current again (as a new revision)' })
  @ApiOkResponse({ type: PolicySetView })
  restoreRevision(@Param('revision', ParseIntPipe) revision: number, @CallerFor() caller: Caller) {
    return this.rpc.request(RestorePolicyRevision, { revision }, caller);
  }
}
