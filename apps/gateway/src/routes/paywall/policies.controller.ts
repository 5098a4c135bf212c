import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import {
  GetPolicies,
  GetPolicy,
  PolicySetView,
  PolicyView,
  ReplacePolicies,
  ReplacePoliciesRequest,
} from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { UuidParam } from '../../http/uuid-param.pipe';

/** The agency's ordered paywall policies. The decisions themselves are served by the paywall service (`POST /v1/paywall/decisions`). */
@ApiTags('paywall')
@ApiBearerAuth()
@Controller('v1/paywall/policies')
export class PaywallPoliciesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Access(GetPolicies)
  @ApiOperation({ summary: 'The current policies in evaluation order, with their revision' })
  @ApiOkResponse({ type: PolicySetView })
  currentPolicies(@CallerFor() caller: Caller) {
    return this.rpc.request(GetPolicies, {}, caller);
  }

  @Put()
  @Access(ReplacePolicies)
  @ApiOperation({
    summary:
      'Replace the ordered policies (a new revision; `basedOnRevision` guards against a concurrent edit with 409)',
  })
  @ApiOkResponse({ type: PolicySetView })
  replacePolicies(@Body() body: ReplacePoliciesRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(ReplacePolicies, body, caller);
  }

  @Get(':id')
  @Access(GetPolicy)
  @ApiOkResponse({ type: PolicyView })
  getPolicy(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetPolicy, { id }, caller);
  }
}
