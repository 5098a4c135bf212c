import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import { DecisionPreviewRequest, DecisionPreviewResponse, PreviewDecisions } from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';

/** Decisions for newsletters and pages rendered ahead: the same decision, nothing counted. */
@ApiTags('paywall')
@ApiBearerAuth()
@Controller('v1/paywall/decision-previews')
export class PaywallDecisionPreviewsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(200)
  @Access(PreviewDecisions)
  @ApiOperation({
    summary:
      'What each of up to 200 articles would be for one reader, for a newsletter or a page rendered ahead: the same decision, nothing counted',
  })
  @ApiOkResponse({ type: DecisionPreviewResponse })
  previewDecisions(@Body() body: DecisionPreviewRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(PreviewDecisions, body, caller);
  }
}
