import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import { AvailabilityView, GetAvailability } from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { AvailabilityQuery } from './availability.query';

/** What ad units have left to sell, per agency-local day. */
@ApiTags('advertising')
@ApiBearerAuth()
@Controller('v1/advertising/availability')
export class AdvertisingAvailabilityController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Access(GetAvailability)
  @ApiOperation({
    summary:
      'Per unit and agency-local day from `from` to `to`: capacity, sold, held, available impressions, and whether the day is free for an exclusive sponsorship',
  })
  @ApiOkResponse({ type: AvailabilityView })
  getAvailability(@Query() query: AvailabilityQuery, @CallerFor() caller: Caller) {
    return this.rpc.request(
      GetAvailability,
      { adUnitIds: query.adUnitIds.split(','), from: query.from, to: query.to },
      caller,
    );
  }
}
