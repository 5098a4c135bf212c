/** Statement files as Stripe and banks send them, for reconciliation tests and the bench. */

export interface ReportRow {
  id: string;
  created: string;
  currency: string;
  gross: string;
  fee: string;
  net: string;
  category: string;
  source?: string;
  description?: string;
  availableOn?: string;
}

const REPORT_HEADER =
  'balance_transaction_id,created_utc,available_on_utc,currency,gross,fee,net,reporting_category,source_id,description,automatic_payout_id';

/** Stripe's itemized balance report (ending balance reconciliation columns), amounts in major units. */
export function stripeReport(rows: ReportRow[]): string {
  const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = rows.map((r) =>
    [
      r.id,
      r.created,
      r.availableOn ?? r.created,
      r.currency,
      r.gross,
      r.fee,
      r.net,
      r.category,
      r.source ?? '',
      quote(r.description ?? ''),
      '',
    ].join(','),
  );
  return `${REPORT_HEADER}\n${lines.join('\n')}\n`;
}

export interface BankRow {
  date: string;
  amount: string;
  currency: string;
  reference: string;
  counterparty?: string;
  description?: string;
}

export function bankCsv(rows: BankRow[]): string {
  const lines = rows.map((r) =>
    [r.date, r.amount, r.currency, r.reference, r.counterparty ?? '', r.description ?? ''].join(','),
  );
  return `date,amount,currency,reference,counterparty,description\n${lines.join('\n')}\n`;
}

export interface CamtEntry {
  amount: string;
  currency: string;
  direction?: 'CRDT' | 'DBIT';
  status?: string;
  bookedOn: string;
  reference: string;
  counterparty?: string;
  remittance?: string[];
}

/** An ISO 20022 camt.053.001.02 statement of one account. */
export function camt053(entries: CamtEntry[], accountCurrency = 'VND'): string {
  const entry = (e: CamtEntry) => `
      <Ntry>
        <Amt Ccy="${e.currency}">${e.amount}</Amt>
        <CdtDbtInd>${e.direction ?? 'CRDT'}</CdtDbtInd>
        <Sts>${e.status ?? 'BOOK'}</Sts>
        <BookgDt><Dt>${e.bookedOn}</Dt></BookgDt>
        <ValDt><Dt>${e.bookedOn}</Dt></ValDt>
        <AcctSvcrRef>${e.reference}</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls><TxDtls>
          <RltdPties><${e.direction === 'DBIT' ? 'Cdtr' : 'Dbtr'}><Nm>${e.counterparty ?? 'STRIPE PAYMENTS SINGAPORE PTE LTD'}</Nm></${e.direction === 'DBIT' ? 'Cdtr' : 'Dbtr'}></RltdPties>
          <RmtInf>${(e.remittance ?? []).map((line) => `<Ustrd>${line}</Ustrd>`).join('')}</RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>STMT-${Date.now()}</MsgId><CreDtTm>2026-11-30T06:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>STMT-1</Id>
      <CreDtTm>2026-11-30T06:00:00</CreDtTm>
      <Acct><Id><Othr><Id>0071001234567</Id></Othr></Id><Ccy>${accountCurrency}</Ccy></Acct>
      <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="${accountCurrency}">0</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-01</Dt></Dt></Bal>${entries.map(entry).join('')}
    </Stmt>
  </BkToCstmrStmt>
</Document>
`;
}
