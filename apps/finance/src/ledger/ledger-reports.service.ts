import { Injectable } from '@nestjs/common';
import {
  AccountBalanceView,
  AccountType,
  JournalEntryListResponse,
  ListJournalEntriesRequest,
  TrialBalanceResponse,
  TrialBalanceTotal,
} from '@libs/contracts';
import { AccountsService } from '../accounts/accounts.service';
import { LedgerRepository } from './ledger.repository';
import { toView } from './ledger.service';

const DEFAULT_PAGE = 50;

/** What finance reads from the books: the journal, the trial balance and account balances. */
@Injectable()
export class LedgerReportsService {
  constructor(
    private readonly ledger: LedgerRepository,
    private readonly accounts: AccountsService,
  ) {}

  async journal(tenantId: string, request: ListJournalEntriesRequest): Promise<JournalEntryListResponse> {
    const limit = request.limit ?? DEFAULT_PAGE;
    const { stream, productId, siteId, counterpartyId } = request;
    const rows = await this.ledger.findEntryPageOfTenant(tenantId, limit + 1, request.before, {
      stream,
      productId,
      siteId,
      counterpartyId,
    });
    const page = rows.slice(0, limit);
    const postings = page.length
      ? await this.ledger.findPostingsOfEntries(
          tenantId,
          page.map((e) => e.id),
        )
      : [];
    return {
      items: page.map((e) => toView(e, postings)),
      nextBefore: rows.length > limit ? page[page.length - 1].id : null,
    };
  }

  /** From the running balances, or as of a day from the daily totals; never from the postings. */
  async trialBalance(tenantId: string, asOf?: string): Promise<TrialBalanceResponse> {
    const rows = await this.ledger.findBalancesOfTenant(tenantId, asOf);
    const totals = new Map<string, { debits: bigint; credits: bigint; balance: bigint }>();
    for (const row of rows) {
      const currency = row.currency.trim();
      const total = totals.get(currency) ?? { debits: 0n, credits: 0n, balance: 0n };
      total.debits += BigInt(row.debits);
      total.credits += BigInt(row.credits);
      total.balance += BigInt(row.balance);
      totals.set(currency, total);
    }
    return {
      asOf: asOf ?? null,
      lines: rows.map((row) => ({
        accountId: row.account_id,
        code: row.code,
        name: row.name,
        type: row.type as AccountType,
        currency: row.currency.trim(),
        debits: row.debits,
        credits: row.credits,
        balance: row.balance,
      })),
      totals: [...totals].map(([currency, t]): TrialBalanceTotal => ({
        currency,
        debits: t.debits.toString(),
        credits: t.credits.toString(),
        balance: t.balance.toString(),
      })),
    };
  }

  /** One account's balances per currency, now or as of a day. */
  async accountBalance(tenantId: string, accountId: string, asOf?: string): Promise<AccountBalanceView> {
    const account = await this.accounts.get(tenantId, accountId);
    const rows = await this.ledger.findBalancesOfAccount(tenantId, accountId, asOf);
    return {
      accountId,
      code: account.code,
      name: account.name,
      type: account.type,
      asOf: asOf ?? null,
      balances: rows.map((r) => ({
        currency: r.currency.trim(),
        debits: r.debits,
        credits: r.credits,
        balance: r.balance,
      })),
    };
  }
}
