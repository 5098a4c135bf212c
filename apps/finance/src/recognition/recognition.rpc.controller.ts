import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  ByIdRequest,
  GetRecognitionSchedule,
  ListRecognitionSchedules,
  ListRecognitionSchedulesRequest,
  RecognitionRunResponse,
  RecognitionScheduleListResponse,
  RecognitionScheduleView,
  RunRecognition,
  TenantScopedRequest,
} from '@libs/contracts';
import { RecognitionRunService } from './recognition-run.service';
import { RecognitionSchedulesService } from './recognition-schedules.service';

@Controller()
export class RecognitionRpcController {
  constructor(
    private readonly schedules: RecognitionSchedulesService,
    private readonly run: RecognitionRunService,
  ) {}

  @RpcHandler(ListRecognitionSchedules)
  list(
    @Payload() request: ListRecognitionSchedulesRequest,
    @CallerOf() caller: Caller,
  ): Promise<RecognitionScheduleListResponse> {
    return this.schedules.list(caller.tenantId, request);
  }

  @RpcHandler(GetRecognitionSchedule)
  get(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<RecognitionScheduleView> {
    return this.schedules.view(caller.tenantId, request.id);
  }

  @RpcHandler(RunRecognition)
  recognizeNow(@Payload() _request: TenantScopedRequest, @CallerOf() caller: Caller): Promise<RecognitionRunResponse> {
    return this.run.recognizeAgency(caller.tenantId);
  }
}
