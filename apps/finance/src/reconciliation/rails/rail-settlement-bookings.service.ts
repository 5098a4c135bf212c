import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BANK, CLEARING_ACCOUNT, PAYMENT_FEES } from '../../accounts/account-codes';
import { LedgerSourceKey } from '../../ledger/ledger-source-keys';
import { EntryToPost, LedgerLine, LedgerService } from '../../ledger/ledger.service';
import { RAIL_NAMES } from '../../accounts/rail-names';
import { ImportedRailLine } from './rail-report-rows';

/**
 * Books what a rail's report says it paid out: each settled line moves its gross out of the
 * rail's clearing account, its net to the bank and its fee to payment fees, on the settlement
 * day (Dr Bank net, Dr Payment fees fee, Cr clearing gross; a refund the other way round, so a
 * settlement's refunds net out of what it paid). The rail is the only source of that fact, as
 * Stripe is of its payouts: every settled line is booked, matched or not, so the bank holds what
 * the rail sent and the clearing account keeps only differences the run reports (a line no
 * payment books, an amount the books disagree with) beside what is paid but not yet settled.
 * One entry per line, keyed by the rail's transaction id: importing the file again posts nothing.
 */
@Injectable()
export class RailSettlementBookingsService {
  constructor(private readonly ledger: LedgerService) {}

  async bookSettled(tx: EntityManager, tenantId: string, lines: ImportedRailLine[]): Promise<number> {
    const entries = lines.flatMap((line): EntryToPost[] =>
      line.settledOn
        ? [
            {
              tenantId,
              sourceKey: LedgerSourceKey.railSettlement(line.rail, line.movement, line.railTransactionId),
              postedOn: line.settledOn,
              description: descriptionOf(line),
              lines: settlementLines(line),
            },
          ]
        : [],
    );
    const posted = await this.ledger.postAll(tx, entries);
    return posted.filter((p) => p.created).length;
  }
}

function settlementLines(line: ImportedRailLine): LedgerLine[] {
  const { currency } = line;
  return [
    { accountCode: BANK, currency, amount: line.net },
    { accountCode: PAYMENT_FEES, currency, amount: line.fee },
    { accountCode: CLEARING_ACCOUNT[line.rail], currency, amount: -line.amount },
  ].filter((posting) => posting.amount !== 0n);
}

function descriptionOf(line: ImportedRailLine): string {
  const batch = line.settlementBatch ? `, batch ${line.settlementBatch}` : '';
  return `${RAIL_NAMES[line.rail]} settled ${line.movement} ${line.railTransactionId} (order ${line.orderId})${batch}`;
}
