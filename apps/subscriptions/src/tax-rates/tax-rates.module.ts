import { Module } from '@nestjs/common';
import { PaymentsModule } from '../payments/payments.module';
import { TaxRateRepository } from './tax-rate.repository';
import { TaxRatesRpcController } from './tax-rates.rpc.controller';
import { TaxRatesService } from './tax-rates.service';

/** The agency's VAT table and the provider's copies of its rates. */
@Module({
  imports: [PaymentsModule],
  controllers: [TaxRatesRpcController],
  providers: [TaxRatesService, TaxRateRepository],
  exports: [TaxRatesService],
})
export class TaxRatesModule {}
