import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { exponentOf, parseDecimalAmount } from '@libs/common';
import { FieldError } from '@libs/contracts';
import { calendarDate } from '../../calendar/calendar-date';
import {
  FileParse,
  ImportedBankLine,
  MAX_REPORTED_ERRORS,
  payoutReferenceIn,
  transferReferenceIn,
} from '../statements/statement-rows';

type Node = Record<string, unknown>;

/** Elements that repeat in camt.053, read as lists even when a statement has one. */
const REPEATED = new Set(['Stmt', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd']);
const ISO_AMOUNT = /^\d{1,18}(\.\d{1,5})?$/;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // The five XML entities only: a bank statement declares none of its own (a DOCTYPE is refused below).
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => REPEATED.has(name),
});

/**
 * An ISO 20022 camt.053 bank-to-customer statement (any version from 001.02): every
 * `BkToCstmrStmt/Stmt/Ntry` booked (`Sts` BOOK) becomes a line: `Amt` with its `Ccy`, signed by
 * `CdtDbtInd` (DBIT negative), `BookgDt` (`Dt` or `DtTm`), `AcctSvcrRef` as the bank reference
 * (else `NtryRef`), the counterparty from the first `TxDtls/RltdPties` and the remittance from
 * `RmtInf/Ustrd` and `AddtlNtryInf`. Entries not booked yet are skipped. Errors name the entry by
 * its position in the file, counting from 0 across statements: `Ntry[3].Amt`.
 */
export function parseCamt053(xml: string): FileParse<ImportedBankLine[]> {
  const doctype = /<!DOCTYPE/i.exec(xml);
  if (doctype)
    return {
      ok: false,
      errors: [
        {
          field: `line ${xml.slice(0, doctype.index).split('\n').length}`,
          message: 'a DOCTYPE is not accepted in a bank statement',
        },
      ],
    };
  // Deprecated in fast-xml-parser's typings in favour of fast-xml-validator, yet exported and maintained in 5.x.
  const syntax = XMLValidator.validate(xml);
  if (syntax !== true) {
    const { line, msg } = syntax.err;
    return { ok: false, errors: [{ field: `line ${line}`, message: `malformed XML: ${msg}` }] };
  }
  const document = (parser.parse(xml) as Node).Document as Node | undefined;
  const statement = document?.BkToCstmrStmt as Node | undefined;
  if (!statement)
    return {
      ok: false,
      errors: [{ field: 'Document', message: 'not a camt.053 statement: Document/BkToCstmrStmt expected' }],
    };
  const statements = (statement.Stmt as Node[] | undefined) ?? [];
  if (statements.length === 0)
    return { ok: false, errors: [{ field: 'BkToCstmrStmt', message: 'a camt.053 statement has at least one Stmt' }] };
  const errors: FieldError[] = [];
  const lines: ImportedBankLine[] = [];
  const seen = new Map<string, number>();
  let skipped = 0;
  let index = 0;
  for (const stmt of statements) {
    const accountCurrency = text(path(stmt, 'Acct', 'Ccy'));
    for (const entry of (stmt.Ntry as Node[] | undefined) ?? []) {
      const at = index++;
      if (errors.length >= MAX_REPORTED_ERRORS) break;
      const fail = (field: string, message: string) => errors.push({ field: `Ntry[${at}].${field}`, message });
      const status = text(entry.Sts) ?? text(path(entry, 'Sts', 'Cd'));
      if (!status) {
        fail('Sts', 'the entry status is required (BOOK, PDNG or INFO)');
        continue;
      }
      if (status !== 'BOOK') {
        skipped++;
        continue;
      }
      const amountNode = entry.Amt;
      const currency =
        typeof amountNode === 'object' && amountNode !== null ? text((amountNode as Node)['@Ccy']) : null;
      const amountText = text(
        typeof amountNode === 'object' && amountNode !== null ? (amountNode as Node)['#text'] : amountNode,
      );
      if (!currency || !amountText) {
        fail('Amt', 'an amount with its currency is required: <Amt Ccy="EUR">12.34</Amt>');
        continue;
      }
      if (exponentOf(currency) === null || !/^[A-Z]{3}$/.test(currency)) {
        fail('Amt', `currency "${currency}" is not supported`);
        continue;
      }
      if (accountCurrency && currency !== accountCurrency) {
        fail('Amt', `currency ${currency} is not the account's currency ${accountCurrency}`);
        continue;
      }
      const parsed = ISO_AMOUNT.test(amountText)
        ? parseDecimalAmount(amountText, currency)
        : {
            ok: false as const,
            reason: `"${amountText}" is not an ISO 20022 amount (digits, "." and up to 5 decimals, no sign)`,
          };
      if (!parsed.ok) {
        fail('Amt', parsed.reason);
        continue;
      }
      const direction = text(entry.CdtDbtInd);
      if (direction !== 'CRDT' && direction !== 'DBIT') {
        fail('CdtDbtInd', `"${direction ?? ''}" is neither CRDT nor DBIT`);
        continue;
      }
      const bookedText =
        text(path(entry, 'BookgDt', 'Dt')) ?? text(path(entry, 'BookgDt', 'DtTm'))?.slice(0, 10) ?? null;
      const bookedOn = bookedText ? calendarDate(bookedText) : null;
      if (!bookedOn) {
        fail('BookgDt', 'a booking date (Dt, or DtTm) is required');
        continue;
      }
      const reference = text(entry.AcctSvcrRef) ?? text(entry.NtryRef);
      if (!reference || reference.length > 200) {
        fail(
          'AcctSvcrRef',
          "the bank's reference of the entry (AcctSvcrRef, or NtryRef) is required to recognise it when imported again",
        );
        continue;
      }
      if (seen.has(reference)) {
        fail('AcctSvcrRef', `reference ${reference} is already used by Ntry[${seen.get(reference)}]`);
        continue;
      }
      seen.set(reference, at);
      const details = ((entry.NtryDtls as Node[] | undefined) ?? []).flatMap(
        (d) => (d.TxDtls as Node[] | undefined) ?? [],
      );
      const remittance =
        [
          ...details.flatMap((d) => ((path(d, 'RmtInf', 'Ustrd') as unknown[] | undefined) ?? []).map(text)),
          text(entry.AddtlNtryInf),
        ]
          .filter((part): part is string => !!part)
          .join(' ')
          .slice(0, 500) || null;
      const counterparty = counterpartyOf(details[0], direction);
      const endToEnd = details.map((d) => text(path(d, 'Refs', 'EndToEndId'))).find((ref) => !!ref) ?? null;
      lines.push({
        reference,
        bookedOn,
        currency,
        counterparty,
        remittance,
        amount: direction === 'DBIT' ? -parsed.minorUnits : parsed.minorUnits,
        payoutReference: payoutReferenceIn(remittance, endToEnd, reference),
        transferReference: direction === 'DBIT' ? null : transferReferenceIn(remittance, endToEnd),
      });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, rows: lines, skipped };
}

/** Who paid us (the debtor of a credit) or whom we paid (the creditor of a debit). */
function counterpartyOf(details: Node | undefined, direction: 'CRDT' | 'DBIT'): string | null {
  if (!details) return null;
  const party = path(details, 'RltdPties', direction === 'CRDT' ? 'Dbtr' : 'Cdtr') as Node | undefined;
  // camt.053.001.08 and later wrap the party: Dbtr/Pty/Nm.
  return (text(path(party, 'Nm')) ?? text(path(party, 'Pty', 'Nm')))?.slice(0, 500) ?? null;
}

function path(node: unknown, ...names: string[]): unknown {
  let current = node;
  for (const name of names) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Node)[name];
  }
  return current;
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  return null;
}
