import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import {
  CreateTakeoverPage,
  CreateTakeoverPageRequest,
  GetTakeoverPage,
  ListTakeoverPages,
  TakeoverPageChanges,
  TakeoverPageListResponse,
  TakeoverPageView,
  UpdateTakeoverPage,
} from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { UuidParam } from '../../http/uuid-param.pipe';

/** Takeover pages: the units of a site's page (the homepage…) that a takeover takes together. */
@ApiTags('advertising')
@ApiBearerAuth()
@Controller('v1/advertising/takeover-pages')
export class AdvertisingTakeoverPagesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Access(ListTakeoverPages)
  @ApiOkResponse({ type: TakeoverPageListResponse })
  listTakeoverPages(@CallerFor() caller: Caller) {
    return this.rpc.request(ListTakeoverPages, {}, caller);
  }

  @Post()
  @Access(CreateTakeoverPage)
  @ApiOperation({
    summary:
      'Define a takeover page: a code (unique in the agency), a name and units of one site, which a takeover takes together',
  })
  @ApiCreatedResponse({ type: TakeoverPageView })
  createTakeoverPage(@Body() body: CreateTakeoverPageRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(CreateTakeoverPage, body, caller);
  }

  @Get(':id')
  @Access(GetTakeoverPage)
  @ApiOkResponse({ type: TakeoverPageView })
  getTakeoverPage(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetTakeoverPage, { id }, caller);
  }

  @Patch(':id')
  @Access(UpdateTakeoverPage)
  @ApiOperation({ summary: 'Rename a takeover page or change its units (takeovers already booked keep theirs)' })
  @ApiOkResponse({ type: TakeoverPageView })
  updateTakeoverPage(
    @Param('id', UuidParam) id: string,
    @Body() body: TakeoverPageChanges,
    @CallerFor() caller: Caller,
  ) {
    return this.rpc.request(UpdateTakeoverPage, { ...body, id }, caller);
  }
}
