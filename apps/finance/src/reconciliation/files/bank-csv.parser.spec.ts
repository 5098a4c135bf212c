import { parseBankCsv } from './bank-csv.parser';

describe('bank statement CSV', () => {
  it('reads booked lines, credits positive and debits negative, VND in whole dong', () => {
    const parsed = parseBankCsv(
      'date,amount,currency,reference,counterparty,description\n' +
        '2026-11-22,5000000,VND,VCB-001,STRIPE PAYMENTS SINGAPORE,STRIPE PAYOUT po_1abcdef\n' +
        '2026-11-23,-12.34,USD,VCB-002,,Bank fee\n',
    );
    expect(parsed).toEqual({
      ok: true,
      skipped: 0,
      rows: [
        {
          reference: 'VCB-001',
          bookedOn: '2026-11-22',
          amount: 5000000n,
          currency: 'VND',
          counterparty: 'STRIPE PAYMENTS SINGAPORE',
          remittance: 'STRIPE PAYOUT po_1abcdef',
          payoutReference: 'po_1abcdef',
          transferReference: null,
        },
        {
          reference: 'VCB-002',
          bookedOn: '2026-11-23',
          amount: -1234n,
          currency: 'USD',
          counterparty: null,
          remittance: 'Bank fee',
          payoutReference: null,
          transferReference: null,
        },
      ],
    });
  });

  it.each([
    ['a credit naming it', '1000000', 'CK THANH TOAN RS0A1B2C3D4E CONG TY X', 'RS0A1B2C3D4E'],
    ['a credit naming it in lower case', '1000000', 'ck rs0a1b2c3d4e', 'RS0A1B2C3D4E'],
    ['a debit naming it (money out pays no invoice)', '-1000000', 'RS0A1B2C3D4E', null],
    ['a credit naming none', '1000000', 'THANH TOAN HOA DON 123', null],
  ])('finds the transfer reference of %s', (_what, amount, description, found) => {
    const parsed = parseBankCsv(
      `date,amount,currency,reference,counterparty,description\n2026-11-22,${amount},VND,VCB-9,CONG TY X,${description}\n`,
    );
    expect(parsed).toMatchObject({ ok: true, rows: [{ transferReference: found }] });
  });

  it('takes the columns in any order, description optional', () => {
    expect(parseBankCsv('reference,counterparty,currency,amount,date\nR1,ACME,EUR,1.5,2026-01-31\n')).toMatchObject({
      ok: true,
      rows: [{ reference: 'R1', amount: 150n, bookedOn: '2026-01-31' }],
    });
  });

  it('refuses wrong columns, naming the missing and the unknown', () => {
    expect(parseBankCsv('date,amount,currency,ref,payee\n')).toEqual({
      ok: false,
      errors: [
        {
          field: 'line 1',
          message:
            'missing column reference; missing column counterparty; unknown column ref; unknown column payee (expected date, amount, currency, reference, counterparty[, description])',
        },
      ],
    });
  });

  it('names each bad line', () => {
    const parsed = parseBankCsv(
      'date,amount,currency,reference,counterparty\n' +
        '2026-11-31,1.00,USD,R1,X\n' +
        '2026-11-20,1.001,USD,R2,X\n' +
        '2026-11-20,1,ABC,R3,X\n' +
        '2026-11-20,0,USD,R4,X\n' +
        '2026-11-20,1,USD,,X\n' +
        '2026-11-20,1,USD,R6,X\n' +
        '2026-11-20,1,USD,R6,X\n',
    );
    expect(parsed).toEqual({
      ok: false,
      errors: [
        { field: 'line 2', message: 'date "2026-11-31" is not a day (YYYY-MM-DD)' },
        { field: 'line 3', message: 'amount: "1.001" has more decimals than USD has (2)' },
        { field: 'line 4', message: 'currency "ABC" is not supported' },
        { field: 'line 5', message: 'amount: a statement line moves money (not 0)' },
        {
          field: 'line 6',
          message: "reference: the bank's reference of the line is required (at most 200 characters)",
        },
        { field: 'line 8', message: 'reference R6 is already on line 7' },
      ],
    });
  });
});
