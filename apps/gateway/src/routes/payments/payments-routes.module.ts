import { Module } from '@nestjs/common';
import { CredentialSealer } from '@libs/common';
import { GatewayEnv } from '../../config/gateway.config';
import { PaymentsAccountsController } from './accounts.controller';
import { PaymentsPaymentsController } from './payments.controller';
import { PaymentsSavedTokensController } from './saved-tokens.controller';

/** The routes `/v1/payments/…`, forwarded to the payments service over NATS. */
@Module({
  controllers: [PaymentsAccountsController, PaymentsPaymentsController, PaymentsSavedTokensController],
  providers: [
    {
      provide: CredentialSealer,
      inject: [GatewayEnv],
      useFactory: (env: GatewayEnv) => new CredentialSealer(env.PAYMENTS_CREDENTIALS_SEALING_PUBLIC_KEY),
    },
  ],
})
export class PaymentsRoutesModule {}
