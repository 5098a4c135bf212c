import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import { IssueReaderToken, IssueReaderTokenRequest, ReaderTokenView } from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { ShownOnce } from '../../idempotency/shown-once.decorator';

/** Reader tokens: the agency's server vouches for a logged-in reader. */
@ApiTags('paywall')
@ApiBearerAuth()
@Controller('v1/paywall/reader-tokens')
export class PaywallReaderTokensController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ShownOnce()
  @Access(IssueReaderToken)
  @ApiOperation({
    summary:
      "Vouch for a logged-in reader: the agency's server asks, the reader's page sends the token with each decision",
  })
  @ApiCreatedResponse({ type: ReaderTokenView })
  issueReaderToken(@Body() body: IssueReaderTokenRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(IssueReaderToken, body, caller);
  }
}
