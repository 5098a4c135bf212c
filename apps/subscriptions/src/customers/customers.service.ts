import { Injectable } from '@nestjs/common';
import { ProviderAccount } from '../payments/provider-account';
import { ProviderCheckout } from '../payments/provider-checkout';
import { Customer } from './customer.entity';
import { CustomerRepository } from './customer.repository';

@Injectable()
export class CustomersService {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly provider: ProviderCheckout,
  ) {}

  findByReaderKey(tenantId: string, readerKey: string): Promise<Customer | null> {
    return this.customers.findByReaderKey(tenantId, readerKey);
  }

  /** The reader's provider customer, created once (the idempotency key makes a race harmless). */
  async ensure(
    account: ProviderAccount,
    reader: { readerKey: string; readerId: string | null; email: string | null },
  ): Promise<Customer> {
    const existing = await this.findByReaderKey(account.tenantId, reader.readerKey);
    if (existing) return existing;
    const providerCustomerId = await this.provider.createCustomer(
      account,
      `customer:${account.tenantId}:${reader.readerKey}`,
      {
        email: reader.email,
        readerKey: reader.readerKey,
      },
    );
    await this.customers.insertUnlessKnown({
      tenantId: account.tenantId,
      readerKey: reader.readerKey,
      readerId: reader.readerId,
      email: reader.email,
      providerCustomerId,
    });
    return (await this.findByReaderKey(account.tenantId, reader.readerKey))!;
  }

  updateEmail(tenantId: string, providerCustomerId: string, email: string | null): Promise<void> {
    return this.customers.updateEmail(tenantId, providerCustomerId, email);
  }
}
