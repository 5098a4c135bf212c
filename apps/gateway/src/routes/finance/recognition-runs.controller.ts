import { Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import { RecognitionRunResponse, RunRecognition } from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';

/** A recognition run on demand. */
@ApiTags('finance')
@ApiBearerAuth()
@Controller('v1/finance/recognition-runs')
export class FinanceRecognitionRunsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @Access(RunRecognition)
  @ApiOperation({
    summary:
      'Recognize now every day up to yesterday (agency-local) not recognized yet, as the periodic run does; answers the entries posted',
  })
  @ApiCreatedResponse({ type: RecognitionRunResponse })
  runRecognition(@CallerFor() caller: Caller) {
    return this.rpc.request(RunRecognition, {}, caller);
  }
}
