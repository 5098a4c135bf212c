import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import { GetLicenceOffer, LicenceOfferListResponse, LicenceOfferView, ListLicenceOffers } from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { UuidParam } from '../../http/uuid-param.pipe';

/** Licence offers: the terms an agency offers its content under. */
@ApiTags('licensing')
@ApiBearerAuth()
@Controller('v1/licensing/licence-offers')
export class LicensingLicenceOffersController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Access(ListLicenceOffers)
  @ApiOkResponse({ type: LicenceOfferListResponse })
  listLicenceOffers(@CallerFor() caller: Caller) {
    return this.rpc.request(ListLicenceOffers, {}, caller);
  }

  @Get(':id')
  @Access(GetLicenceOffer)
  @ApiOkResponse({ type: LicenceOfferView })
  getLicenceOffer(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetLicenceOffer, { id }, caller);
  }
}
