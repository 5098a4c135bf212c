import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, CredentialSealer, RpcClient } from '@libs/common';
import { ConfigureStripeAccount, GetStripeAccount, StripeAccountCredentials, StripeAccountView } from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';

/** The agency's provider account at Stripe (credentials held by the payments service, encrypted). */
@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('v1/subscriptions/stripe-account')
export class SubscriptionsStripeAccountController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly sealer: CredentialSealer,
  ) {}

  @Put()
  @Access(ConfigureStripeAccount)
  @ApiOperation({
    summary: "Store the agency's Stripe secret key and webhook signing secret (encrypted; never shown again)",
  })
  @ApiOkResponse({ type: StripeAccountView })
  async configureStripe(@Body() body: StripeAccountCredentials, @CallerFor() caller: Caller) {
    // Sealed here, opened only by the payments service: the secrets never cross the bus in clear.
    const sealedCredentials = await this.sealer.seal(caller.tenantId, body);
    return this.rpc.request(ConfigureStripeAccount, { sealedCredentials }, caller);
  }

  @Get()
  @Access(GetStripeAccount)
  @ApiOkResponse({ type: StripeAccountView })
  stripeAccount(@CallerFor() caller: Caller) {
    return this.rpc.request(GetStripeAccount, {}, caller);
  }
}
