import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LedgerService } from '../../ledger/ledger.service';
import { LedgerSourceKey } from '../../ledger/ledger-source-keys';
import { StripeLedgerKeysRepository } from '../ledger-keys/stripe-ledger-keys.repository';
import { ImportedPayout } from './statement-rows';

export const STRIPE_BALANCE_ACCOUNT = '1100';
export const BANK_ACCOUNT = '1200';
/** Payouts that never left (or came back to) the balance are not booked as sent. */
const NOT_SENT = new Set(['failed', 'canceled']);

/**
 * Books payouts as they are imported: Stripe tells finance of them and of nothing else, so the
 * import is where the ledger learns the money moved from the Stripe balance to the bank
 * (Dr Bank, Cr Stripe balance, on the payout's creation day). The entry's key is recorded with it,
 * so the payout's balance transaction matches this entry.
 */
@Injectable()
export class PayoutBookings {
  constructor(
    private readonly ledger: LedgerService,
    private readonly keys: StripeLedgerKeysRepository,
  ) {}

  async bookSent(tx: EntityManager, tenantId: string, payouts: ImportedPayout[]): Promise<void> {
    for (const payout of payouts) {
      if (NOT_SENT.has(payout.status) || payout.amount <= 0n) continue;
      const sourceKey = LedgerSourceKey.stripePayout(payout.id);
      const posted = await this.ledger.post(tx, {
        tenantId,
        sourceKey,
        postedOn: payout.createdAt.toISOString().slice(0, 10),
        description: `Stripe payout ${payout.id} to the bank`,
        lines: [
          { accountCode: BANK_ACCOUNT, currency: payout.currency, amount: payout.amount },
          { accountCode: STRIPE_BALANCE_ACCOUNT, currency: payout.currency, amount: -payout.amount },
        ],
      });
      await this.keys.record(
        tx,
        { tenantId, sourceKey, stripeSourceId: payout.id, reportingCategory: 'payout', occurredAt: payout.createdAt },
        { entryId: posted.entryId, currency: payout.currency, amount: -payout.amount },
      );
    }
  }
}
