import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import {
  BillingSettingsView,
  GetBillingSettings,
  UpdateDunning,
  UpdateDunningRequest,
  UpdateRenewalNotice,
  UpdateRenewalNoticeRequest,
} from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';

/** The agency's billing settings, among them the dunning policy. */
@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('v1/subscriptions/billing-settings')
export class SubscriptionsBillingSettingsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Access(GetBillingSettings)
  @ApiOkResponse({ type: BillingSettingsView })
  billingSettings(@CallerFor() caller: Caller) {
    return this.rpc.request(GetBillingSettings, {}, caller);
  }

  @Put('dunning')
  @Access(UpdateDunning)
  @ApiOperation({
    summary: 'Dunning policy: retries allowed, grace days with access, cancel or pause after the last failure',
  })
  @ApiOkResponse({ type: BillingSettingsView })
  updateDunning(@Body() body: UpdateDunningRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(UpdateDunning, body, caller);
  }

  @Put('renewal-notice')
  @Access(UpdateRenewalNotice)
  @ApiOperation({
    summary: 'Days before a period ends on which a subscription the suite bills is billed and its pay link sent',
  })
  @ApiOkResponse({ type: BillingSettingsView })
  updateRenewalNotice(@Body() body: UpdateRenewalNoticeRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(UpdateRenewalNotice, body, caller);
  }
}
