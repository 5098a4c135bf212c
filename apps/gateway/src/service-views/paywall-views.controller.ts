import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import {
  DecisionPreviewRequest,
  DecisionPreviewResponse,
  GetPolicies,
  GetPolicy,
  GetPolicyRevision,
  IssueReaderToken,
  IssueReaderTokenRequest,
  ListPolicyRevisions,
  PolicyRevisionListResponse,
  PolicySetView,
  PolicyView,
  PreviewDecisions,
  ReaderTokenView,
  ReplacePolicies,
  ReplacePoliciesRequest,
  RestorePolicyRevision,
} from '@libs/contracts';
import { Access } from '../auth/access.decorator';
import { CallerFor } from '../auth/current-principal.decorator';
import { UuidParam } from '../http/uuid-param.pipe';

const EDITORS = ['admin', 'editor'] as const;

/** Paywall configuration. The decisions themselves are served by the paywall service (`POST /v1/paywall/decisions`). */
@ApiTags('paywall')
@ApiBearerAuth()
@Controller('v1/paywall')
export class PaywallViewsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('policies')
  @Access({ roles: EDITORS })
  @ApiOperation({ summary: 'The current policies in evaluation order, with their revision' })
  @ApiOkResponse({ type: PolicySetView })
  currentPolicies(@CallerFor() caller: Caller) {
    return this.rpc.request(GetPolicies, {}, caller);
  }

  @Put('policies')
  @Access({ roles: EDITORS })
  @ApiOperation({
    summary:
      'Replace the ordered policies (a new revision; `basedOnRevision` guards against a concurrent edit with 409)',
  })
  @ApiOkResponse({ type: PolicySetView })
  replacePolicies(@Body() body: ReplacePoliciesRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(ReplacePolicies, body, caller);
  }

  @Get('policies/:id')
  @Access({ roles: EDITORS })
  @ApiOkResponse({ type: PolicyView })
  getPolicy(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetPolicy, { id }, caller);
  }

  @Get('policy-revisions')
  @Access({ roles: EDITORS })
  @ApiOperation({ summary: 'Every revision of the policies, newest first' })
  @ApiOkResponse({ type: PolicyRevisionListResponse })
  listRevisions(@CallerFor() caller: Caller) {
    return this.rpc.request(ListPolicyRevisions, {}, caller);
  }

  @Get('policy-revisions/:revision')
  @Access({ roles: EDITORS })
  @ApiOkResponse({ type: PolicySetView })
  getRevision(@Param('revision', ParseIntPipe) revision: number, @CallerFor() caller: Caller) {
    return this.rpc.request(GetPolicyRevision, { revision }, caller);
  }

  @Post('policy-revisions/:revision/restore')
  @HttpCode(200)
  @Access({ roles: EDITORS })
  @ApiOperation({ summary: 'Roll back: make an old revision current again (as a new revision)' })
  @ApiOkResponse({ type: PolicySetView })
  restoreRevision(@Param('revision', ParseIntPipe) revision: number, @CallerFor() caller: Caller) {
    return this.rpc.request(RestorePolicyRevision, { revision }, caller);
  }

  @Post('decision-previews')
  @HttpCode(200)
  @Access({ roles: EDITORS })
  @ApiOperation({
    summary:
      'What each of up to 200 articles would be for one reader, for a newsletter or a page rendered ahead: the same decision, nothing counted',
  })
  @ApiOkResponse({ type: DecisionPreviewResponse })
  previewDecisions(@Body() body: DecisionPreviewRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(PreviewDecisions, body, caller);
  }

  @Post('reader-tokens')
  @Access({ roles: EDITORS })
  @ApiOperation({
    summary:
      "Vouch for a logged-in reader: the agency's server asks, the reader's page sends the token with each decision",
  })
  @ApiCreatedResponse({ type: ReaderTokenView })
  issueReaderToken(@Body() body: IssueReaderTokenRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(IssueReaderToken, body, caller);
  }
}
