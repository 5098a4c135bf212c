import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import {
  CreateExperiment,
  CreateExperimentRequest,
  ExperimentListResponse,
  ExperimentResultsView,
  ExperimentView,
  GetExperiment,
  GetExperimentResults,
  ListExperiments,
  StartExperiment,
  StopExperiment,
  UpdateExperiment,
} from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { UuidParam } from '../../http/uuid-param.pipe';

/** Experiments on meter limits and on offers, and their results. */
@ApiTags('paywall')
@ApiBearerAuth()
@Controller('v1/paywall/experiments')
export class PaywallExperimentsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @Access(CreateExperiment)
  @ApiOperation({ summary: 'Create an experiment (a draft) on a metered policy’s limit or on the offer shown' })
  @ApiCreatedResponse({ type: ExperimentView })
  createExperiment(@Body() body: CreateExperimentRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(CreateExperiment, body, caller);
  }

  @Get()
  @Access(ListExperiments)
  @ApiOkResponse({ type: ExperimentListResponse })
  listExperiments(@CallerFor() caller: Caller) {
    return this.rpc.request(ListExperiments, {}, caller);
  }

  @Get(':id')
  @Access(GetExperiment)
  @ApiOkResponse({ type: ExperimentView })
  getExperiment(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetExperiment, { id }, caller);
  }

  @Put(':id')
  @Access(UpdateExperiment)
  @ApiOperation({ summary: 'Change a draft experiment (409 once started)' })
  @ApiOkResponse({ type: ExperimentView })
  updateExperiment(
    @Param('id', UuidParam) id: string,
    @Body() body: CreateExperimentRequest,
    @CallerFor() caller: Caller,
  ) {
    return this.rpc.request(UpdateExperiment, { ...body, id }, caller);
  }

  @Post(':id/start')
  @HttpCode(200)
  @Access(StartExperiment)
  @ApiOkResponse({ type: ExperimentView })
  startExperiment(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(StartExperiment, { id }, caller);
  }

  @Post(':id/stop')
  @HttpCode(200)
  @Access(StopExperiment)
  @ApiOkResponse({ type: ExperimentView })
  stopExperiment(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(StopExperiment, { id }, caller);
  }

  @Get(':id/results')
  @Access(GetExperimentResults)
  @ApiOperation({
    summary:
      'Per arm: decisions, conversions, rate with a 95% credible interval, revenue per 1,000 decisions, chance of being best',
  })
  @ApiOkResponse({ type: ExperimentResultsView })
  experimentResults(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetExperimentResults, { id }, caller);
  }
}
