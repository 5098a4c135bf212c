import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GiftPurchasesService } from '../gifts/gift-purchases.service';
import { ListedPage, PageRequest } from '../payments/page-request';
import { ProviderAccount } from '../payments/provider-account';
import { ProviderCheckout } from '../payments/provider-checkout';
import { ProviderRefundsAndDisputes } from '../payments/provider-refunds-and-disputes';
import { RefundsAndDisputesService } from '../refunds-and-disputes/refunds-and-disputes.service';

export type PaymentPhase = 'refunds' | 'disputes' | 'gift-checkouts';

/** How many objects a page listed (each repaired), and where the following page starts. */
export interface RepairedPage {
  listed: number;
  next: string | null;
}

/**
 * Repairs the money movements whose notifications went missing (refunds, disputes, paid gift
 * checkouts) one provider page at a time, through the same service methods the notifications
 * take, so a repaired object and a late notification about it book once. Every provider read
 * happens before the short transaction that records the object.
 */
@Injectable()
export class PaymentDriftRepairService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly refundsAndDisputesAtProvider: ProviderRefundsAndDisputes,
    private readonly checkoutsAtProvider: ProviderCheckout,
    private readonly refundsAndDisputes: RefundsAndDisputesService,
    private readonly giftPurchases: GiftPurchasesService,
  ) {}

  async repairPage(
    phase: PaymentPhase,
    account: ProviderAccount,
    since: Date,
    page: PageRequest,
  ): Promise<RepairedPage> {
    switch (phase) {
      case 'refunds':
        return this.each(await this.refundsAndDisputesAtProvider.listRefundsPage(account, since, page), (refund) =>
          this.dataSource.transaction((tx) => this.refundsAndDisputes.recordRefund(tx, account, refund)),
        );
      case 'disputes':
        return this.each(await this.refundsAndDisputesAtProvider.listDisputesPage(account, since, page), (dispute) =>
          this.dataSource.transaction((tx) =>
            this.refundsAndDisputes.recordDisputeAsRead(tx, account, dispute, new Date()),
          ),
        );
      case 'gift-checkouts':
        return this.each(
          await this.checkoutsAtProvider.listCompletedPurchaseCheckoutsPage(account, since, page),
          async (checkoutId) => {
            const payment = await this.checkoutsAtProvider.retrieveOneOffPayment(account, checkoutId);
            await this.dataSource.transaction((tx) => this.giftPurchases.recordPayment(tx, account, payment));
          },
        );
    }
  }

  private async each<T extends string | { id: string }>(
    page: ListedPage<T>,
    repair: (item: T) => Promise<void>,
  ): Promise<RepairedPage> {
    for (const item of page.items) {
      try {
        await repair(item);
      } catch (error) {
        const id = typeof item === 'string' ? item : item.id;
        throw new Error(`${id}: ${(error as Error).message}`, { cause: error });
      }
    }
    return { listed: page.items.length, next: page.next };
  }
}
