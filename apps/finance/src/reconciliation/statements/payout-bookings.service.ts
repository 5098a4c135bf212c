import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BANK, STRIPE_BALANCE } from '../../accounts/account-codes';
import { LedgerSourceKey } from '../../ledger/ledger-source-keys';
import { LedgerService } from '../../ledger/ledger.service';
import { StripeLedgerKeyRepository } from '../ledger-keys/stripe-ledger-key.repository';
import { ImportedPayout } from './statement-rows';

/** Payouts that never left (or came back to) the balance are not booked as sent. */
const NOT_SENT = new Set(['failed', 'canceled']);

/**
 * Books payouts as they are imported: Stripe tells finance of them and of nothing else, so the
 * import is where the ledger learns the money moved from the Stripe balance to the bank
 * (Dr Bank, Cr Stripe balance, on the payout's creation day). The entry's key is recorded with it,
 * so the payout's balance transaction matches this entry.
 */
@Injectable()
export class PayoutBookingsService {
  constructor(
    private readonly ledger: LedgerService,
    private readonly keys: StripeLedgerKeyRepository,
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
          { accountCode: BANK, currency: payout.currency, amount: payout.amount },
          { accountCode: STRIPE_BALANCE, currency: payout.currency, amount: -payout.amount },
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
