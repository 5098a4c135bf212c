import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Caller, CredentialSealer, RpcClient } from '@libs/common';
import {
  ConfigurePaymentAccount,
  ListPaymentAccounts,
  PAYMENT_RAILS,
  PaymentAccountListResponse,
  PaymentAccountSettings,
  PaymentAccountView,
  PaymentRailName,
} from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { RailParam } from './rail-param.pipe';

/** The agency's merchant accounts on the domestic rails (credentials stored encrypted, never shown again). */
@ApiTags('payments')
@ApiBearerAuth()
@Controller('v1/payments/accounts')
export class PaymentsAccountsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly sealer: CredentialSealer,
  ) {}

  @Put(':rail')
  @Access(ConfigurePaymentAccount)
  @ApiParam({ name: 'rail', enum: PAYMENT_RAILS })
  @ApiOperation({
    summary:
      "Store the agency's account on a rail: MoMo {partnerCode, accessKey, secretKey}, VNPay {tmnCode, hashSecret}, " +
      'payOS {clientId, apiKey, checksumKey}; answers where the rail must send its notifications',
  })
  @ApiOkResponse({ type: PaymentAccountView })
  async configureAccount(
    @Param('rail', RailParam) rail: PaymentRailName,
    @Body() body: PaymentAccountSettings,
    @CallerFor() caller: Caller,
  ) {
    // Sealed here, opened only by the payments service: the secrets never cross the bus in clear.
    const sealedCredentials = await this.sealer.seal(caller.tenantId, body.credentials);
    return this.rpc.request(
      ConfigurePaymentAccount,
      {
        rail,
        environment: body.environment,
        enabled: body.enabled,
        savesWallets: body.savesWallets,
        sealedCredentials,
      },
      caller,
    );
  }

  @Get()
  @Access(ListPaymentAccounts)
  @ApiOkResponse({ type: PaymentAccountListResponse })
  listAccounts(@CallerFor() caller: Caller) {
    return this.rpc.request(ListPaymentAccounts, {}, caller);
  }
}
