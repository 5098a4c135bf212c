import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundError } from '@libs/common';
import { readerKeyOf, ReaderQuery, ReaderSubscriptionView } from '@libs/contracts';
import { ReaderSubscription } from './reader-subscription.entity';
import { toReaderSubscriptionView } from './reader-subscription.mapper';

@Injectable()
export class ReaderSubscriptionsService {
  constructor(private readonly dataSource: DataSource) {}

  async ofReader(tenantId: string, query: ReaderQuery): Promise<ReaderSubscriptionView[]> {
    const rows = await this.dataSource
      .getRepository(ReaderSubscription)
      .find({ where: { tenantId, readerKey: readerKeyOf(query) }, order: { createdAt: 'DESC' } });
    return rows.map(toReaderSubscriptionView);
  }

  async get(tenantId: string, id: string): Promise<ReaderSubscriptionView> {
    const row = await this.dataSource.getRepository(ReaderSubscription).findOne({ where: { tenantId, id } });
    if (!row) throw new NotFoundError('subscription', id);
    return toReaderSubscriptionView(row);
  }
}
