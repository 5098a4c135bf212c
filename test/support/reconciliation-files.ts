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

export interface RailReportRow {
  transactionId: string;
  orderId: string;
  /** Major units as the portal prints them, e.g. `1.000.000` or `1000000` (VND). */
  amount: string;
  fee: string;
  net?: string;
  /** Vietnam time, e.g. `2026-11-03 10:00:00`. */
  time: string;
  settledOn?: string;
  batch?: string;
  type?: string;
  status?: string;
}

/** The header names a rail's report is written with: English, or Vietnamese as a portal shows them. */
export const RAIL_REPORT_HEADERS = {
  english: [
    'transaction_id',
    'order_id',
    'amount',
    'fee',
    'net_amount',
    'transaction_time',
    'settlement_date',
    'settlement_batch',
    'type',
    'status',
  ],
  vietnamese: [
    'Mã giao dịch',
    'Mã đơn hàng',
    'Số tiền',
    'Phí giao dịch',
    'Số tiền thực nhận',
    'Thời gian giao dịch',
    'Ngày quyết toán',
    'Phiên đối soát',
    'Loại giao dịch',
    'Trạng thái',
  ],
} as const;

/** A rail's transaction or settlement report as CSV, with a column the import ignores (the payer). */
export function railReport(rows: RailReportRow[], headers: readonly string[] = RAIL_REPORT_HEADERS.english): string {
  const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = rows.map((r) =>
    [
      r.transactionId,
      r.orderId,
      r.amount,
      r.fee,
      r.net ?? '',
      r.time,
      r.settledOn ?? '',
      r.batch ?? '',
      r.type ?? 'payment',
      r.status ?? 'success',
      '0901234567',
    ]
      .map(quote)
      .join(','),
  );
  return `${[...headers, 'payer'].map(quote).join(',')}\n${lines.join('\n')}\n`;
}
