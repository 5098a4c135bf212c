import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Customer } from './customer.entity';

/** The only code that reads and writes customers. */
@Injectable()
export class CustomerRepository {
  constructor(private readonly dataSource: DataSource) {}

  findByReaderKey(
    tenantId: string,
    readerKey: string,
    tx: EntityManager = this.dataSource.manager,
  ): Promise<Customer | null> {
    return tx.getRepository(Customer).findOne({ where: { tenantId, readerKey } });
  }

  findByProviderId(
    tenantId: string,
    providerCustomerId: string,
    tx: EntityManager = this.dataSource.manager,
  ): Promise<Customer | null> {
    return tx.getRepository(Customer).findOne({ where: { tenantId, providerCustomerId } });
  }

  /** Records the reader's provider customer unless the reader has one already (a race lost is harmless). */
  async insertUnlessKnown(customer: Omit<Customer, 'id' | 'createdAt'>): Promise<void> {
    await this.dataSource.createQueryBuilder().insert().into(Customer).values(customer).orIgnore().execute();
  }

  async updateEmail(tenantId: string, providerCustomerId: string, email: string | null): Promise<void> {
    await this.dataSource.getRepository(Customer).update({ tenantId, providerCustomerId }, { email });
  }
}
