import { Module } from '@nestjs/common';
import { CredentialSealer } from '@libs/common';
import { GatewayEnv } from '../../config/gateway.config';
import { PayerAttemptsController } from './payer-attempts.controller';
import { PaymentAccountsController } from './payment-accounts.controller';
import { PaymentsController } from './payments.controller';

/** The routes `/v1/payments/…` and the payer's `/v1/pay/…`, forwarded to the payments service over NATS. */
@Module({
  controllers: [PaymentAccountsController, PaymentsController, PayerAttemptsController],
  providers: [
    {
      provide: CredentialSealer,
      inject: [GatewayEnv],
      useFactory: (env: GatewayEnv) => new CredentialSealer(env.PAYMENTS_CREDENTIALS_SEALING_PUBLIC_KEY),
    },
  ],
})
export class PaymentsRoutesModule {}
