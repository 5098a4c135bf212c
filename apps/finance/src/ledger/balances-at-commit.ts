import { Injectable } from '@nestjs/common';
import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  TransactionCommitEvent,
  TransactionRollbackEvent,
  TransactionStartEvent,
} from 'typeorm';
import { BalanceMovement, LedgerRepository } from './ledger.repository';

/**
 * Moves the running and daily account totals once per transaction, just before it commits, in
 * one statement that locks their rows in a fixed order. A balance row is the one thing every
 * posting to an account touches: locked only for the last statement before the commit, it lets
 * transactions posting to the same accounts do everything else side by side, and none can hold
 * one balance while waiting for another. Postings made outside a transaction move the totals at once.
 *
 * A savepoint (a nested transaction) is honoured: what is pending is moved before it starts, and
 * what was posted inside it is forgotten when it rolls back.
 */
@Injectable()
export class BalancesAtCommit implements EntitySubscriberInterface {
  private readonly pending = new WeakMap<EntityManager, BalanceMovement[]>();

  constructor(
    dataSource: DataSource,
    private readonly ledger: LedgerRepository,
  ) {
    dataSource.subscribers.push(this);
  }

  async add(tx: EntityManager, movements: BalanceMovement[]): Promise<void> {
    if (movements.length === 0) return;
    if (tx.queryRunner?.isTransactionActive !== true) return this.ledger.addToBalances(tx, movements);
    const pending = this.pending.get(tx);
    if (pending) pending.push(...movements);
    else this.pending.set(tx, [...movements]);
  }

  beforeTransactionStart(event: TransactionStartEvent): Promise<void> {
    return this.move(event.manager);
  }

  beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    return this.move(event.manager);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    this.pending.delete(event.manager);
  }

  private async move(tx: EntityManager): Promise<void> {
    const pending = this.pending.get(tx);
    if (!pending) return;
    this.pending.delete(tx);
    await this.ledger.addToBalances(tx, pending);
  }
}
