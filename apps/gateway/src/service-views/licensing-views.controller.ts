import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import { GetLicenceOffer, LicenceOfferListResponse, LicenceOfferView, ListLicenceOffers } from '@libs/contracts';
import { Access } from '../auth/access.decorator';
import { CallerFor } from '../auth/current-principal.decorator';
import { UuidParam } from '../http/uuid-param.pipe';

@ApiTags('licensing')
@ApiBearerAuth()
@Controller('v1/licensing')
export class LicensingViewsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('licence-offers')
  @Access({ roles: ['admin', 'editor'] })
  @ApiOkResponse({ type: LicenceOfferListResponse })
  listLicenceOffers(@CallerFor() caller: Caller) {
    return this.rpc.request(ListLicenceOffers, {}, caller);
  }

  @Get('licence-offers/:id')
  @Access({ roles: ['admin', 'editor'] })
  @ApiOkResponse({ type: LicenceOfferView })
  getLicenceOffer(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetLicenceOffer, { id }, caller);
  }
}
