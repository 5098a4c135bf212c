import { parseCamt053 } from './camt053.parser';

function statement(entries: string, accountCurrency = 'VND'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>STMT-2026-11-22</MsgId><CreDtTm>2026-11-23T06:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>2026-11-22-01</Id>
      <Acct><Id><Othr><Id>0071001234567</Id></Othr></Id><Ccy>${accountCurrency}</Ccy></Acct>
${entries}
    </Stmt>
  </BkToCstmrStmt>
</Document>`;
}

const PAYOUT_CREDIT = `
      <Ntry>
        <Amt Ccy="VND">5000000</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt><Dt>2026-11-22</Dt></BookgDt>
        <ValDt><Dt>2026-11-22</Dt></ValDt>
        <AcctSvcrRef>VCB-2026-0001</AcctSvcrRef>
        <NtryDtls><TxDtls>
          <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
          <RltdPties><Dbtr><Nm>STRIPE PAYMENTS SINGAPORE PTE</Nm></Dbtr></RltdPties>
          <RmtInf><Ustrd>STRIPE PAYOUT</Ustrd><Ustrd>po_1Nq2abcdef</Ustrd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>`;

describe('camt.053 bank statements', () => {
  it('reads booked entries: amount and currency, sign, booking date, reference, counterparty, remittance', () => {
    const debit = `
      <Ntry>
        <Amt Ccy="VND">22000</Amt>
        <CdtDbtInd>DBIT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><DtTm>2026-11-23T09:30:00+07:00</DtTm></BookgDt>
        <AcctSvcrRef>VCB-2026-0002</AcctSvcrRef>
        <NtryDtls><TxDtls><RltdPties><Cdtr><Pty><Nm>Ngân hàng &amp; phí</Nm></Pty></Cdtr></RltdPties></TxDtls></NtryDtls>
        <AddtlNtryInf>Phí dịch vụ</AddtlNtryInf>
      </Ntry>`;
    expect(parseCamt053(statement(PAYOUT_CREDIT + debit))).toEqual({
      ok: true,
      skipped: 0,
      rows: [
        {
          reference: 'VCB-2026-0001',
          bookedOn: '2026-11-22',
          amount: 5000000n,
          currency: 'VND',
          counterparty: 'STRIPE PAYMENTS SINGAPORE PTE',
          remittance: 'STRIPE PAYOUT po_1Nq2abcdef',
          payoutReference: 'po_1Nq2abcdef',
          transferReference: null,
        },
        {
          reference: 'VCB-2026-0002',
          bookedOn: '2026-11-23',
          amount: -22000n,
          currency: 'VND',
          counterparty: 'Ngân hàng & phí',
          remittance: 'Phí dịch vụ',
          payoutReference: null,
          transferReference: null,
        },
      ],
    });
  });

  it("finds a transfer reference in a credit's remittance or end-to-end id", () => {
    const credit = (remittance: string, endToEnd: string) => `
      <Ntry>
        <Amt Ccy="VND">1100000</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt><Dt>2026-11-22</Dt></BookgDt>
        <AcctSvcrRef>VCB-${endToEnd}</AcctSvcrRef>
        <NtryDtls><TxDtls>
          <Refs><EndToEndId>${endToEnd}</EndToEndId></Refs>
          <RmtInf><Ustrd>${remittance}</Ustrd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>`;
    expect(
      parseCamt053(statement(credit('CONG TY X CK RS0A1B2C3D4E', 'E2E-1') + credit('QUANG CAO', 'RS9Z8Y7X6W5V'))),
    ).toMatchObject({ ok: true, rows: [{ transferReference: 'RS0A1B2C3D4E' }, { transferReference: 'RS9Z8Y7X6W5V' }] });
  });

  it('converts decimal amounts of two-decimal currencies exactly', () => {
    const usd = PAYOUT_CREDIT.replace('<Amt Ccy="VND">5000000</Amt>', '<Amt Ccy="USD">1234.56</Amt>');
    expect(parseCamt053(statement(usd, 'USD'))).toMatchObject({
      ok: true,
      rows: [{ amount: 123456n, currency: 'USD' }],
    });
  });

  it('skips entries that are not booked yet', () => {
    const pending = PAYOUT_CREDIT.replace('<Sts>BOOK</Sts>', '<Sts>PDNG</Sts>');
    expect(parseCamt053(statement(pending))).toEqual({ ok: true, rows: [], skipped: 1 });
  });

  it('names the line of malformed XML', () => {
    const broken = statement(PAYOUT_CREDIT).replace('</CdtDbtInd>', '</CdtDbt>');
    expect(parseCamt053(broken)).toEqual({
      ok: false,
      errors: [{ field: 'line 11', message: expect.stringContaining('malformed XML') }],
    });
  });

  it('refuses a document that is not a camt.053 statement', () => {
    expect(parseCamt053('<Document><CstmrCdtTrfInitn/></Document>')).toEqual({
      ok: false,
      errors: [{ field: 'Document', message: 'not a camt.053 statement: Document/BkToCstmrStmt expected' }],
    });
  });

  it('refuses a DOCTYPE (no entity expansion from a bank file)', () => {
    expect(parseCamt053('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaa">]>\n<Document/>')).toMatchObject({
      ok: false,
      errors: [{ field: 'line 2' }],
    });
  });

  it('names each bad entry by its position: amount, currency, direction, date, reference', () => {
    const entries = [
      PAYOUT_CREDIT.replace('5000000', '5000000.5'),
      PAYOUT_CREDIT.replace('<Amt Ccy="VND">', '<Amt Ccy="EUR">').replace('VCB-2026-0001', 'R1'),
      PAYOUT_CREDIT.replace('<Amt Ccy="VND">5000000</Amt>', '<Amt>5000000</Amt>').replace('VCB-2026-0001', 'R2'),
      PAYOUT_CREDIT.replace('CRDT', 'CR').replace('VCB-2026-0001', 'R3'),
      PAYOUT_CREDIT.replace('<BookgDt><Dt>2026-11-22</Dt></BookgDt>', '').replace('VCB-2026-0001', 'R4'),
      PAYOUT_CREDIT.replace('<AcctSvcrRef>VCB-2026-0001</AcctSvcrRef>', ''),
      PAYOUT_CREDIT.replace('5000000', '-5').replace('VCB-2026-0001', 'R6'),
    ].join('');
    expect(parseCamt053(statement(entries))).toEqual({
      ok: false,
      errors: [
        { field: 'Ntry[0].Amt', message: '"5000000.5" has more decimals than VND has (0)' },
        { field: 'Ntry[1].Amt', message: "currency EUR is not the account's currency VND" },
        { field: 'Ntry[2].Amt', message: 'an amount with its currency is required: <Amt Ccy="EUR">12.34</Amt>' },
        { field: 'Ntry[3].CdtDbtInd', message: '"CR" is neither CRDT nor DBIT' },
        { field: 'Ntry[4].BookgDt', message: 'a booking date (Dt, or DtTm) is required' },
        { field: 'Ntry[5].AcctSvcrRef', message: expect.stringContaining('is required') },
        { field: 'Ntry[6].Amt', message: expect.stringContaining('is not an ISO 20022 amount') },
      ],
    });
  });
});
