import { Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import {
  GetRecognitionSchedule,
  ListRecognitionSchedules,
  ListRecognitionSchedulesRequest,
  RecognitionRunResponse,
  RecognitionScheduleListResponse,
  RecognitionScheduleView,
  RunRecognition,
} from '@libs/contracts';
import { Access } from '../auth/access.decorator';
import { CallerFor } from '../auth/current-principal.decorator';
import { UuidParam } from '../http/uuid-param.pipe';

/** Revenue recognition: the schedules deferred revenue follows, and a run on demand. */
@ApiTags('finance')
@ApiBearerAuth()
@Controller('v1/finance')
export class FinanceRecognitionController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('recognition-schedules')
  @Access({ roles: ['admin', 'finance'] })
  @ApiOperation({
    summary:
      'Recognition schedules (total, recognized, remaining, refunds, dimensions), newest first: `limit`, `before`, `stream`, `status`',
  })
  @ApiOkResponse({ type: RecognitionScheduleListResponse })
  listSchedules(@Query() query: ListRecognitionSchedulesRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(ListRecognitionSchedules, query, caller);
  }

  @Get('recognition-schedules/:id')
  @Access({ roles: ['admin', 'finance'] })
  @ApiOkResponse({ type: RecognitionScheduleView })
  getSchedule(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetRecognitionSchedule, { id }, caller);
  }

  @Post('recognition-runs')
  @Access({ roles: ['admin', 'finance'] })
  @ApiOperation({
    summary:
      'Recognize now every day up to yesterday (agency-local) not recognized yet, as the periodic run does; answers the entries posted',
  })
  @ApiCreatedResponse({ type: RecognitionRunResponse })
  runRecognition(@CallerFor() caller: Caller) {
    return this.rpc.request(RunRecognition, {}, caller);
  }
}
