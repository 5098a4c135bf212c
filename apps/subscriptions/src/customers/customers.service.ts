import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PaymentProvider, ProviderAccount } from '../payments/payment-provider';
import { Customer } from './customer.entity';

@Injectable()
export class CustomersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly provider: PaymentProvider,
  ) {}

  findByReaderKey(tenantId: string, readerKey: string): Promise<Customer | null> {
    return this.dataSource.getRepository(Customer).findOne({ where: { tenantId, readerKey } });
  }

  findByProviderId(tenantId: string, providerCustomerId: string): Promise<Customer | null> {
    return this.dataSource.getRepository(Customer).findOne({ where: { tenantId, providerCustomerId } });
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
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(Customer)
      .values({
        tenantId: account.tenantId,
        readerKey: reader.readerKey,
        readerId: reader.readerId,
        email: reader.email,
        providerCustomerId,
      })
      .orIgnore()
      .execute();
    return (await this.findByReaderKey(account.tenantId, reader.readerKey))!;
  }

  async updateEmail(tenantId: string, providerCustomerId: string, email: string | null): Promise<void> {
    await this.dataSource.getRepository(Customer).update({ tenantId, providerCustomerId }, { email });
  }
}
