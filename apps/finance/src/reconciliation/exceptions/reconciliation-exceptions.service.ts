import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail, Caller, ConflictError, NotFoundError, ValidationFailedError } from '@libs/common';
import {
  LIST_PAGE_DEFAULT,
  ListReconciliationExceptionsRequest,
  ReconciliationExceptionListResponse,
  ReconciliationExceptionView,
  ResolveReconciliationExceptionRequest,
} from '@libs/contracts';
import { STRIPE_BALANCE } from '../../accounts/account-codes';
import { LedgerSourceKey } from '../../ledger/ledger-source-keys';
import { LedgerService } from '../../ledger/ledger.service';
import { StripeLedgerKeyRepository } from '../ledger-keys/stripe-ledger-key.repository';
import { adjustmentLines, reconciledAccountOf } from './exception-adjustment';
import { ReconciliationException } from './reconciliation-exception.entity';
import { toReconciliationExceptionView } from './reconciliation-exception.mapper';
import { ReconciliationExceptionRepository } from './reconciliation-exception.repository';

/** Accounts a write-off may go to: the difference is a loss (expense) or a gain (revenue). */
const WRITE_OFF_TYPES = new Set(['expense', 'revenue']);

/**
 * Finance settles what reconciliation found: a match (the entry, transaction, payout or bank line
 * it belongs to), an adjustment (post the difference so the books say what the statement says)
 * or a write-off (post it to an expense or revenue account). Each resolution, its posting and its
 * audit record commit together; a resolved exception is never raised again.
 */
@Injectable()
export class ReconciliationExceptionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly exceptions: ReconciliationExceptionRepository,
    private readonly keys: StripeLedgerKeyRepository,
    private readonly ledger: LedgerService,
    private readonly audit: AuditTrail,
  ) {}

  async list(
    tenantId: string,
    request: ListReconciliationExceptionsRequest,
  ): Promise<ReconciliationExceptionListResponse> {
    const limit = request.limit ?? LIST_PAGE_DEFAULT;
    const rows = await this.exceptions.pageOfTenant(tenantId, request, limit + 1);
    const page = rows.slice(0, limit);
    return {
      items: page.map(toReconciliationExceptionView),
      nextBefore: rows.length > limit ? page[page.length - 1].id : null,
    };
  }

  async get(tenantId: string, id: string): Promise<ReconciliationExceptionView> {
    const found = await this.exceptions.findOfTenant(tenantId, id);
    if (!found) throw new NotFoundError('reconciliation exception', id);
    return toReconciliationExceptionView(found);
  }

  async resolve(caller: Caller, request: ResolveReconciliationExceptionRequest): Promise<ReconciliationExceptionView> {
    await this.dataSource.transaction(async (tx) => {
      const exception = await this.exceptions.lockOfTenant(tx, caller.tenantId, request.id);
      if (!exception) throw new NotFoundError('reconciliation exception', request.id);
      if (exception.status !== 'open')
        throw new ConflictError(`exception ${exception.id} is ${exception.status}: only an open exception is resolved`);
      const entryId =
        request.action === 'match'
          ? await this.match(tx, exception, request)
          : await this.postDifference(tx, exception, request);
      const resolution = {
        action: request.action,
        reason: request.reason,
        entryId,
        accountCode: request.action === 'match' ? null : request.accountCode!,
        resolvedBy: caller.actor,
      };
      await this.exceptions.markResolved(tx, exception.id, resolution);
      await this.audit.record(tx, {
        tenantId: caller.tenantId,
        action: 'reconciliation-exception.resolved',
        targetType: 'reconciliation-exception',
        targetId: exception.id,
        before: { status: 'open', kind: exception.kind, scope: exception.scope, subject: exception.subjectKey },
        after: {
          status: 'resolved',
          ...resolution,
          matched: {
            bankLineId: request.bankLineId ?? null,
            payoutId: request.payoutId ?? null,
            stripeTransactionId: request.stripeTransactionId ?? null,
          },
        },
      });
    });
    return this.get(caller.tenantId, request.id);
  }

  /** Records what the exception belongs to; answers the journal entry matched, if any. */
  private async match(
    tx: EntityManager,
    x: ReconciliationException,
    request: ResolveReconciliationExceptionRequest,
  ): Promise<string | null> {
    const wanted = this.matchTargetOf(x);
    const given = (['entryId', 'stripeTransactionId', 'bankLineId', 'payoutId'] as const).filter(
      (field) => request[field] !== undefined,
    );
    if (given.length !== 1 || given[0] !== wanted) {
      throw new ValidationFailedError([
        {
          field: wanted,
          message: `${article(x.kind)} ${x.kind} exception is matched to ${article(describe(wanted))} ${describe(wanted)}: give ${wanted} (and nothing else)`,
        },
      ]);
    }
    switch (wanted) {
      case 'entryId':
        return this.matchTransactionToEntry(tx, x, request.entryId!);
      case 'stripeTransactionId':
        await this.matchEntryToTransaction(tx, x, request.stripeTransactionId!);
        return x.entryId;
      case 'bankLineId':
        await this.matchPayoutToLine(tx, x, x.payoutId!, request.bankLineId!);
        return null;
      case 'payoutId':
        await this.matchPayoutToLine(tx, x, request.payoutId!, x.bankLineId!);
        return null;
    }
  }

  private matchTargetOf(x: ReconciliationException): 'entryId' | 'stripeTransactionId' | 'bankLineId' | 'payoutId' {
    if (x.scope === 'rail-ledger') {
      // The rail's line and the payment pair by the rail's transaction id alone: there is nothing else to match by hand.
      throw new ValidationFailedError([
        { field: 'action', message: `a ${x.rail} ${x.kind} is settled by adjust or write-off, not by a match` },
      ]);
    }
    if (x.kind === 'missing-in-ledger') return 'entryId';
    if (x.kind === 'missing-at-stripe') return x.scope === 'stripe-ledger' ? 'stripeTransactionId' : 'payoutId';
    if (x.kind === 'missing-at-bank') return 'bankLineId';
    throw new ValidationFailedError([
      { field: 'action', message: `${article(x.kind)} ${x.kind} is settled by adjust or write-off, not by a match` },
    ]);
  }

  /** A Stripe transaction no entry books is booked by this entry: same currency and amount on the Stripe balance. */
  private async matchTransactionToEntry(
    tx: EntityManager,
    x: ReconciliationException,
    entryId: string,
  ): Promise<string> {
    const stripeBalance = await this.exceptions.accountOf(tx, x.tenantId, STRIPE_BALANCE);
    const entry = stripeBalance ? await this.keys.postingOf(tx, x.tenantId, entryId, stripeBalance.id) : null;
    if (!entry) throw new NotFoundError('journal entry', entryId);
    assertSameMoney(
      `journal entry ${entryId} posts`,
      entry.posting,
      `transaction ${x.stripeTransactionId} nets`,
      x.statementCurrency,
      x.statementAmount,
    );
    const movement = {
      stripeSourceId: x.stripeSourceId ?? x.stripeTransactionId!,
      reportingCategory: x.reportingCategory!,
    };
    const linked = { sourceKey: entry.sourceKey, ...entry.posting };
    const first = await this.exceptions.entryBooking(
      tx,
      x.tenantId,
      movement.stripeSourceId,
      movement.reportingCategory,
    );
    if (first && first.entryId === null) {
      // The event named an entry that was never posted: this entry takes its place.
      await this.exceptions.relinkFirstKey(tx, x.tenantId, movement.stripeSourceId, movement.reportingCategory, linked);
    } else {
      await this.keys.record(
        tx,
        { tenantId: x.tenantId, sourceKey: entry.sourceKey, ...movement, occurredAt: x.occurredAt },
        entry.posting,
      );
    }
    return entryId;
  }

  /** An entry Stripe seemed not to have is the booking of this Stripe transaction. */
  private async matchEntryToTransaction(
    tx: EntityManager,
    x: ReconciliationException,
    transactionId: string,
  ): Promise<void> {
    const transaction = await this.exceptions.stripeTransactionOf(tx, x.tenantId, transactionId);
    if (!transaction) throw new NotFoundError('Stripe balance transaction', transactionId);
    const booked = { currency: x.bookedCurrency?.trim() ?? '', amount: BigInt(x.bookedAmount ?? '0') };
    assertSameMoney(
      `transaction ${transactionId} nets`,
      { currency: transaction.currency.trim(), amount: BigInt(transaction.net) },
      `journal entry ${x.ledgerSourceKey} posts`,
      booked.currency,
      x.bookedAmount,
    );
    const movement = {
      stripeSourceId: transaction.source_id ?? transaction.id,
      reportingCategory: transaction.reporting_category,
    };
    const booking = await this.exceptions.entryBooking(
      tx,
      x.tenantId,
      movement.stripeSourceId,
      movement.reportingCategory,
    );
    if (booking?.entryId)
      throw new ConflictError(`transaction ${transactionId} is already booked by ${booking.sourceKey}`);
    await this.keys.record(
      tx,
      { tenantId: x.tenantId, sourceKey: x.ledgerSourceKey!, ...movement, occurredAt: x.occurredAt },
      { entryId: x.entryId!, ...booked },
    );
  }

  private async matchPayoutToLine(
    tx: EntityManager,
    x: ReconciliationException,
    payoutId: string,
    bankLineId: string,
  ): Promise<void> {
    const [payout, line] = [
      await this.exceptions.payoutOf(tx, x.tenantId, payoutId),
      await this.exceptions.unmatchedBankLineOf(tx, x.tenantId, bankLineId),
    ];
    if (!payout) throw new NotFoundError('payout', payoutId);
    if (!line) throw new NotFoundError('bank statement line', bankLineId);
    if (payout.matched) throw new ConflictError(`payout ${payoutId} is already found on a bank statement line`);
    if (line.matched) throw new ConflictError(`bank statement line ${line.reference} already received a payout`);
    assertSameMoney(
      `payout ${payoutId} is`,
      { currency: payout.currency.trim(), amount: BigInt(payout.amount) },
      `bank line ${line.reference} shows`,
      line.currency.trim(),
      line.amount,
    );
    await this.exceptions.matchPayoutByHand(tx, x.tenantId, payoutId, bankLineId);
  }

  /** Adjust or write off: posts the difference against the account given, under a key of its own (one posting per exception). */
  private async postDifference(
    tx: EntityManager,
    x: ReconciliationException,
    request: ResolveReconciliationExceptionRequest,
  ): Promise<string> {
    const accountCode = request.accountCode!;
    const account = await this.exceptions.accountOf(tx, x.tenantId, accountCode);
    if (!account)
      throw new ValidationFailedError([
        { field: 'accountCode', message: `no account ${accountCode} in the chart of accounts` },
      ]);
    if (accountCode === reconciledAccountOf(x.scope, x.rail)) {
      throw new ValidationFailedError([
        {
          field: 'accountCode',
          message: `${accountCode} is the account being reconciled: post the difference against another`,
        },
      ]);
    }
    if (request.action === 'write-off' && !WRITE_OFF_TYPES.has(account.type)) {
      throw new ValidationFailedError([
        {
          field: 'accountCode',
          message: `a write-off goes to an expense or revenue account; ${accountCode} is ${article(account.type)} ${account.type} account`,
        },
      ]);
    }
    const lines = adjustmentLines(
      {
        scope: x.scope,
        rail: x.rail,
        statementCurrency: x.statementCurrency?.trim() ?? null,
        statementAmount: x.statementAmount === null ? null : BigInt(x.statementAmount),
        bookedCurrency: x.bookedCurrency?.trim() ?? null,
        bookedAmount: x.bookedAmount === null ? null : BigInt(x.bookedAmount),
      },
      accountCode,
    );
    if (lines.length === 0)
      throw new ValidationFailedError([
        { field: 'action', message: 'the statement and the books agree: there is no difference to post' },
      ]);
    const adjusting = request.action === 'adjust';
    const verb = adjusting ? 'adjustment' : 'write-off';
    const posted = await this.ledger.post(tx, {
      tenantId: x.tenantId,
      sourceKey: adjusting
        ? LedgerSourceKey.reconciliationAdjustment(x.id)
        : LedgerSourceKey.reconciliationWriteOff(x.id),
      postedOn: new Date().toISOString().slice(0, 10),
      description: `Reconciliation ${verb} (${x.kind}, ${x.subjectKey}): ${request.reason}`,
      lines,
    });
    return posted.entryId;
  }
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

function describe(field: string): string {
  return (
    {
      entryId: 'journal entry',
      stripeTransactionId: 'Stripe balance transaction',
      bankLineId: 'bank statement line',
      payoutId: 'payout',
    }[field] ?? field
  );
}

function assertSameMoney(
  what: string,
  money: { currency: string; amount: bigint },
  other: string,
  currency: string | null,
  amount: string | null,
): void {
  if (money.currency !== currency?.trim() || money.amount !== BigInt(amount ?? '0')) {
    throw new ConflictError(
      `${what} ${money.amount} ${money.currency} but ${other} ${amount} ${currency?.trim()}: adjust instead of matching`,
    );
  }
}
