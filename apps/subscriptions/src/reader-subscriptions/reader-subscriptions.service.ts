import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/common';
import { readerKeyOf, ReaderQuery, ReaderSubscriptionView } from '@libs/contracts';
import { ReaderSubscriptionRepository } from './reader-subscription.repository';
import { toReaderSubscriptionView } from './reader-subscription.mapper';

@Injectable()
export class ReaderSubscriptionsService {
  constructor(private readonly subscriptions: ReaderSubscriptionRepository) {}

  async ofReader(tenantId: string, query: ReaderQuery): Promise<ReaderSubscriptionView[]> {
    const rows = await this.subscriptions.findOfReader(tenantId, readerKeyOf(query));
    return rows.map(toReaderSubscriptionView);
  }

  async get(tenantId: string, id: string): Promise<ReaderSubscriptionView> {
    const row = await this.subscriptions.findOneOfTenant(tenantId, id);
    if (!row) throw new NotFoundError('subscription', id);
    return toReaderSubscriptionView(row);
  }
}
