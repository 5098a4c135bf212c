import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import { GetSiteAdSettings, PutSiteAdSettings, SiteAdSettingsTerms, SiteAdSettingsView } from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { UuidParam } from '../../http/uuid-param.pipe';

/** How the agency's sites are served ads, beyond what each unit and line says. */
@ApiTags('advertising')
@ApiBearerAuth()
@Controller('v1/advertising/sites')
export class AdvertisingSitesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get(':id/ad-settings')
  @Access(GetSiteAdSettings)
  @ApiOkResponse({ type: SiteAdSettingsView })
  getSiteAdSettings(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetSiteAdSettings, { id }, caller);
  }

  @Put(':id/ad-settings')
  @Access(PutSiteAdSettings)
  @ApiOperation({
    summary:
      "Set a site's ad settings: how many units of a page (the first it lists) subscribers see ads in (null: all; readers entitled to ad-free see none)",
  })
  @ApiOkResponse({ type: SiteAdSettingsView })
  putSiteAdSettings(
    @Param('id', UuidParam) id: string,
    @Body() body: SiteAdSettingsTerms,
    @CallerFor() caller: Caller,
  ) {
    return this.rpc.request(PutSiteAdSettings, { ...body, id }, caller);
  }
}
