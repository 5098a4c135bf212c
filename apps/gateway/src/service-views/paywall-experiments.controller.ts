import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import {
  ConversionListResponse,
  CreateExperiment,
  CreateExperimentRequest,
  ExperimentListResponse,
  ExperimentResultsView,
  ExperimentView,
  GetExperiment,
  GetExperimentResults,
  GetOffers,
  ListConversions,
  ListConversionsRequest,
  ListExperiments,
  ListOfferRevisions,
  OfferRevisionListResponse,
  OfferSetView,
  ReplaceOffers,
  ReplaceOffersRequest,
  RestoreOfferRevision,
  StartExperiment,
  StopExperiment,
  UpdateExperiment,
} from '@libs/contracts';
import { Access } from '../auth/access.decorator';
import { CallerFor } from '../auth/current-principal.decorator';
import { UuidParam } from '../http/uuid-param.pipe';

const EDITORS = ['admin', 'editor'] as const;

/** Paywall offers, experiments on them and on meters, and the subscriptions they converted. */
@ApiTags('paywall')
@ApiBearerAuth()
@Controller('v1/paywall')
export class PaywallExperimentsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('offers')
  @Access({ roles: EDITORS })
  @ApiOperation({ summary: 'The current offers in order, with their revision (0 before the first)' })
  @ApiOkResponse({ type: OfferSetView })
  currentOffers(@CallerFor() caller: Caller) {
    return this.rpc.request(GetOffers, {}, caller);
  }

  @Put('offers')
  @Access({ roles: EDITORS })
  @ApiOperation({
    summary: 'Replace the ordered offers (a new revision; `basedOnRevision` guards against a concurrent edit with 409)',
  })
  @ApiOkResponse({ type: OfferSetView })
  replaceOffers(@Body() body: ReplaceOffersRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(ReplaceOffers, body, caller);
  }

  @Get('offer-revisions')
  @Access({ roles: EDITORS })
  @ApiOperation({ summary: 'Every revision of the offers, newest first' })
  @ApiOkResponse({ type: OfferRevisionListResponse })
  listOfferRevisions(@CallerFor() caller: Caller) {
    return this.rpc.request(ListOfferRevisions, {}, caller);
  }

  @Post('offer-revisions/:revision/restore')
  @HttpCode(200)
  @Access({ roles: EDITORS })
  @ApiOperation({ summary: 'Roll back: make an old revision of the offers current again (as a new revision)' })
  @ApiOkResponse({ type: OfferSetView })
  restoreOfferRevision(@Param('revision', ParseIntPipe) revision: number, @CallerFor() caller: Caller) {
    return this.rpc.request(RestoreOfferRevision, { revision }, caller);
  }

  @Post('experiments')
  @Access({ roles: EDITORS })
  @ApiOperation({ summary: 'Create an experiment (a draft) on a metered policy’s limit or on the offer shown' })
  @ApiCreatedResponse({ type: ExperimentView })
  createExperiment(@Body() body: CreateExperimentRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(CreateExperiment, body, caller);
  }

  @Get('experiments')
  @Access({ roles: EDITORS })
  @ApiOkResponse({ type: ExperimentListResponse })
  listExperiments(@CallerFor() caller: Caller) {
    return this.rpc.request(ListExperiments, {}, caller);
  }

  @Get('experiments/:id')
  @Access({ roles: EDITORS })
  @ApiOkResponse({ type: ExperimentView })
  getExperiment(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetExperiment, { id }, caller);
  }

  @Put('experiments/:id')
  @Access({ roles: EDITORS })
  @ApiOperation({ summary: 'Change a draft experiment (409 once started)' })
  @ApiOkResponse({ type: ExperimentView })
  updateExperiment(
    @Param('id', UuidParam) id: string,
    @Body() body: CreateExperimentRequest,
    @CallerFor() caller: Caller,
  ) {
    return this.rpc.request(UpdateExperiment, { ...body, id }, caller);
  }

  @Post('experiments/:id/start')
  @HttpCode(200)
  @Access({ roles: EDITORS })
  @ApiOkResponse({ type: ExperimentView })
  startExperiment(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(StartExperiment, { id }, caller);
  }

  @Post('experiments/:id/stop')
  @HttpCode(200)
  @Access({ roles: EDITORS })
  @ApiOkResponse({ type: ExperimentView })
  stopExperiment(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(StopExperiment, { id }, caller);
  }

  @Get('experiments/:id/results')
  @Access({ roles: EDITORS })
  @ApiOperation({
    summary:
      'Per arm: decisions, conversions, rate with a 95% credible interval, revenue per 1,000 decisions, chance of being best',
  })
  @ApiOkResponse({ type: ExperimentResultsView })
  experimentResults(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetExperimentResults, { id }, caller);
  }

  @Get('conversions')
  @Access({ roles: ['admin', 'editor', 'finance'] })
  @ApiOperation({
    summary: 'Subscriptions attributed to paywall decisions (article, offer, experiment arm), oldest first',
  })
  @ApiQuery({ name: 'from', required: false, type: String, description: 'ISO 8601, inclusive' })
  @ApiQuery({ name: 'to', required: false, type: String, description: 'ISO 8601, exclusive' })
  @ApiOkResponse({ type: ConversionListResponse })
  listConversions(@Query() query: ListConversionsRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(ListConversions, query, caller);
  }
}
