import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { PaymentRailName } from '@libs/contracts';
import type { RailMovement } from './rail-movement';

export interface RailBooking {
  tenantId: string;
  rail: PaymentRailName;
  movement: RailMovement;
  railTransactionId: string;
  sourceKey: string;
  entryId: string;
  paymentId: string;
  currency: string;
  /** The entry's posting to the rail's clearing account: a payment positive, a refund negative. */
  amount: bigint;
  occurredAt: Date;
}

/** The only code that writes SQL for the keys pairing a rail's transactions with the entries booking them. */
@Injectable()
export class RailLedgerKeyRepository {
  /** Records the pair in the transaction posting the entry; the first entry naming a rail's transaction keeps it. */
  async record(tx: EntityManager, booking: RailBooking): Promise<void> {
    await tx.query(
      `INSERT INTO finance.rail_ledger_keys
         (tenant_id, rail, movement, rail_transaction_id, source_key, entry_id, payment_id, currency, amount, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (tenant_id, rail, movement, rail_transaction_id) DO NOTHING`,
      [
        booking.tenantId,
        booking.rail,
        booking.movement,
        booking.railTransactionId,
        booking.sourceKey,
        booking.entryId,
        booking.paymentId,
        booking.currency,
        booking.amount.toString(),
        booking.occurredAt,
      ],
    );
  }
}
