import { parseStripeReport } from './stripe-report.parser';

const HEADER =
  'balance_transaction_id,created_utc,available_on_utc,currency,gross,fee,net,reporting_category,source_id,description,automatic_payout_id';

describe("Stripe's balance report CSV", () => {
  it('reads each balance transaction with exact minor units, zero-decimal VND in whole dong', () => {
    const parsed = parseStripeReport(
      [
        HEADER,
        'txn_1,2026-11-20 03:00:00,2026-11-22 00:00:00,usd,10.00,0.59,9.41,charge,ch_1,"Subscription, monthly",po_9abcdef',
        'txn_2,2026-11-21 04:05:06,2026-11-23 00:00:00,vnd,100000,5400,94600,charge,ch_2,,',
        'txn_3,2026-11-22 10:00:00,2026-11-22 10:00:00,usd,-0.29,0.00,-0.29,refund,re_3,,',
      ].join('\n'),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.rows.transactions).toEqual([
      {
        id: 'txn_1',
        createdAt: new Date('2026-11-20T03:00:00Z'),
        availableOn: new Date('2026-11-22T00:00:00Z'),
        currency: 'USD',
        amount: 1000n,
        fee: 59n,
        net: 941n,
        reportingCategory: 'charge',
        type: null,
        sourceId: 'ch_1',
        description: 'Subscription, monthly',
        payoutId: 'po_9abcdef',
      },
      expect.objectContaining({
        id: 'txn_2',
        currency: 'VND',
        amount: 100000n,
        fee: 5400n,
        net: 94600n,
        description: null,
        payoutId: null,
      }),
      expect.objectContaining({
        id: 'txn_3',
        amount: -29n,
        fee: 0n,
        net: -29n,
        reportingCategory: 'refund',
        sourceId: 're_3',
      }),
    ]);
    expect(parsed.rows.payouts).toEqual([]);
  });

  it('finds columns by name in any order and ignores the ones it does not use', () => {
    const parsed = parseStripeReport(
      'customer_facing_amount,net,fee,gross,currency,reporting_category,created_utc,balance_transaction_id\n12.00,9.41,0.59,10.00,usd,charge,2026-11-20 03:00:00,txn_1\n',
    );
    expect(parsed).toMatchObject({
      ok: true,
      rows: { transactions: [{ id: 'txn_1', net: 941n, sourceId: null, availableOn: null }] },
    });
  });

  it('turns payout rows into payouts of the balance to the bank', () => {
    const parsed = parseStripeReport(
      `${HEADER}\ntxn_p,2026-11-20 00:00:00,2026-11-22 00:00:00,vnd,-5000000,0,-5000000,payout,po_1abcdef,STRIPE PAYOUT,\n`,
    );
    expect(parsed).toMatchObject({
      ok: true,
      rows: {
        payouts: [
          {
            id: 'po_1abcdef',
            arrivalDate: '2026-11-22',
            currency: 'VND',
            amount: 5000000n,
            status: 'paid',
            balanceTransactionId: 'txn_p',
          },
        ],
      },
    });
  });

  it('refuses a file without the columns of a balance report, naming what is missing', () => {
    expect(parseStripeReport('date,amount,currency,reference,counterparty\n2026-11-20,1.00,USD,R1,X\n')).toEqual({
      ok: false,
      errors: [
        {
          field: 'line 1',
          message: expect.stringContaining(
            'missing column balance_transaction_id, gross, fee, net, reporting_category, created_utc',
          ),
        },
      ],
    });
  });

  it('names every bad line and why: amounts, currencies, times, ids, repeated ids', () => {
    const parsed = parseStripeReport(
      [
        HEADER,
        'txn_1,2026-11-20 03:00:00,,usd,10.00,0.59,9.41,charge,ch_1,,',
        'txn_2,2026-11-20 03:00:00,,usd,10.005,0.59,9.41,charge,ch_2,,',
        'txn_3,2026-11-20 03:00:00,,vnd,1000.5,0,1000.5,charge,ch_3,,',
        'txn_4,2026-11-20 03:00:00,,xyz,1,0,1,charge,ch_4,,',
        'txn_5,2026-02-30 03:00:00,,usd,1,0,1,charge,ch_5,,',
        'txn_6,2026-11-20 03:00:00,,usd,10.00,0.59,9.40,charge,ch_6,,',
        'txn_1,2026-11-20 03:00:00,,usd,1,0,1,charge,ch_7,,',
        'ch_8,2026-11-20 03:00:00,,usd,1,0,1,charge,ch_8,,',
        'txn_9,2026-11-20 03:00:00,,usd,1,0,1',
      ].join('\n'),
    );
    expect(parsed).toEqual({
      ok: false,
      errors: [
        { field: 'line 3', message: 'gross: "10.005" has more decimals than USD has (2)' },
        { field: 'line 4', message: 'gross: "1000.5" has more decimals than VND has (0)' },
        { field: 'line 5', message: 'currency "xyz" is not supported' },
        { field: 'line 6', message: 'created_utc "2026-02-30 03:00:00" is not a time (YYYY-MM-DD HH:MM:SS, UTC)' },
        { field: 'line 7', message: 'net 9.40 is not gross 10.00 minus fee 0.59' },
        { field: 'line 8', message: 'balance transaction txn_1 is already on line 2' },
        { field: 'line 9', message: 'balance_transaction_id "ch_8" is not a Stripe balance transaction id (txn_…)' },
        { field: 'line 10', message: 'expected 11 fields as in the header, found 7' },
      ],
    });
  });
});
