import type { PaymentRailName } from '@libs/contracts';
import type { RailMovement } from './rail-movement';

/** One successful transaction of a rail's report, amounts in minor units. */
export interface ImportedRailLine {
  rail: PaymentRailName;
  movement: RailMovement;
  /** The rail's id: a payment's providerTransactionId, a refund's providerRefundId. */
  railTransactionId: string;
  orderId: string;
  currency: string;
  /** Gross, signed: a payment positive, a refund negative. */
  amount: bigint;
  fee: bigint;
  /** amount − fee. */
  net: bigint;
  occurredAt: Date;
  /** `YYYY-MM-DD`, or null while the rail has not settled the line. */
  settledOn: string | null;
  settlementBatch: string | null;
}

/** A rail's report read whole: its lines and the days it covers (none when it has no line). */
export interface RailReport {
  lines: ImportedRailLine[];
  covers: { from: Date; to: Date } | null;
}
