import { Module } from '@nestjs/common';
import { PaymentsModule } from '../payments/payments.module';
import { CustomerRepository } from './customer.repository';
import { CustomersService } from './customers.service';

/** Readers as the provider knows them (one provider customer per reader). */
@Module({
  imports: [PaymentsModule],
  providers: [CustomersService, CustomerRepository],
  exports: [CustomersService, CustomerRepository],
})
export class CustomersModule {}
