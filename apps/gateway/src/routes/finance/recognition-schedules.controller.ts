import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import {
  GetRecognitionSchedule,
  ListRecognitionSchedules,
  ListRecognitionSchedulesRequest,
  RecognitionScheduleListResponse,
  RecognitionScheduleView,
} from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { UuidParam } from '../../http/uuid-param.pipe';

/** Recognition schedules: how deferred revenue becomes revenue day by day. */
@ApiTags('finance')
@ApiBearerAuth()
@Controller('v1/finance/recognition-schedules')
export class FinanceRecognitionSchedulesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Access(ListRecognitionSchedules)
  @ApiOperation({
    summary:
      'Recognition schedules (total, recognized, remaining, refunds, dimensions), newest first: `limit`, `before`, `stream`, `status`',
  })
  @ApiOkResponse({ type: RecognitionScheduleListResponse })
  listSchedules(@Query() query: ListRecognitionSchedulesRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(ListRecognitionSchedules, query, caller);
  }

  @Get(':id')
  @Access(GetRecognitionSchedule)
  @ApiOkResponse({ type: RecognitionScheduleView })
  getSchedule(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetRecognitionSchedule, { id }, caller);
  }
}
