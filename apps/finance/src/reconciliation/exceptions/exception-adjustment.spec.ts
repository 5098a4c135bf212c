import { adjustmentLines } from './exception-adjustment';

describe('adjusting the books to a statement', () => {
  it('books a Stripe movement missing in the ledger: Dr Stripe balance, Cr the account given', () => {
    const lines = adjustmentLines(
      {
        scope: 'stripe-ledger',
        rail: null,
        statementCurrency: 'VND',
        statementAmount: 94600n,
        bookedCurrency: null,
        bookedAmount: null,
      },
      '2100',
    );
    expect(lines).toEqual([
      { accountCode: '1100', currency: 'VND', amount: 94600n },
      { accountCode: '2100', currency: 'VND', amount: -94600n },
    ]);
  });

  it("posts a rail's difference to that rail's clearing account (the report shows less than the payment booked)", () => {
    const lines = adjustmentLines(
      {
        scope: 'rail-ledger',
        rail: 'vnpay',
        statementCurrency: 'VND',
        statementAmount: 150000n,
        bookedCurrency: 'VND',
        bookedAmount: 200000n,
      },
      '5200',
    );
    expect(lines).toEqual([
      { accountCode: '1120', currency: 'VND', amount: -50000n },
      { accountCode: '5200', currency: 'VND', amount: 50000n },
    ]);
  });

  it('posts only the difference of an amount mismatch (Stripe took a larger fee than booked)', () => {
    const lines = adjustmentLines(
      {
        scope: 'stripe-ledger',
        rail: null,
        statementCurrency: 'USD',
        statementAmount: 9600n,
        bookedCurrency: 'USD',
        bookedAmount: 9680n,
      },
      '5100',
    );
    expect(lines).toEqual([
      { accountCode: '1100', currency: 'USD', amount: -80n },
      { accountCode: '5100', currency: 'USD', amount: 80n },
    ]);
  });

  it('takes back a booking Stripe does not have, or a duplicate one', () => {
    const lines = adjustmentLines(
      {
        scope: 'stripe-ledger',
        rail: null,
        statementCurrency: null,
        statementAmount: null,
        bookedCurrency: 'USD',
        bookedAmount: 9680n,
      },
      '5200',
    );
    expect(lines).toEqual([
      { accountCode: '1100', currency: 'USD', amount: -9680n },
      { accountCode: '5200', currency: 'USD', amount: 9680n },
    ]);
  });

  it('settles a currency mismatch in both currencies, each balancing on its own', () => {
    const lines = adjustmentLines(
      {
        scope: 'stripe-ledger',
        rail: null,
        statementCurrency: 'USD',
        statementAmount: 400n,
        bookedCurrency: 'VND',
        bookedAmount: 100000n,
      },
      '5100',
    );
    expect(lines).toEqual([
      { accountCode: '1100', currency: 'USD', amount: 400n },
      { accountCode: '5100', currency: 'USD', amount: -400n },
      { accountCode: '1100', currency: 'VND', amount: -100000n },
      { accountCode: '5100', currency: 'VND', amount: 100000n },
    ]);
  });

  it('corrects the bank account for a payout the bank shows for less', () => {
    const lines = adjustmentLines(
      {
        scope: 'payout-bank',
        rail: null,
        statementCurrency: 'VND',
        statementAmount: 4_990_000n,
        bookedCurrency: 'VND',
        bookedAmount: 5_000_000n,
      },
      '5100',
    );
    expect(lines).toEqual([
      { accountCode: '1200', currency: 'VND', amount: -10_000n },
      { accountCode: '5100', currency: 'VND', amount: 10_000n },
    ]);
  });

  it('has nothing to post when the two sides agree', () => {
    expect(
      adjustmentLines(
        {
          scope: 'stripe-ledger',
          rail: null,
          statementCurrency: 'USD',
          statementAmount: 5n,
          bookedCurrency: 'USD',
          bookedAmount: 5n,
        },
        '5100',
      ),
    ).toEqual([]);
  });
});
