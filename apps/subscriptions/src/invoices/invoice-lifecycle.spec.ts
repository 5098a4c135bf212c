import type { ProviderInvoice } from '../payments/provider-billing';
import { advanceInvoice, InvoiceRecord } from './invoice-lifecycle';

const finalizedAt = new Date('2026-04-01T00:00:00Z');
const paidAt = new Date('2026-04-03T00:00:00Z');
const voidedAt = new Date('2026-04-05T00:00:00Z');

function remote(overrides: Partial<ProviderInvoice> = {}): ProviderInvoice {
  return {
    id: 'in_1',
    subscriptionId: 'sub_1',
    status: 'open',
    currency: 'VND',
    amountDue: 99000n,
    amountPaid: 0n,
    tax: 9000n,
    chargeId: null,
    balanceTransactionId: null,
    fee: 0n,
    periodStart: new Date('2026-04-01T00:00:00Z'),
    periodEnd: new Date('2026-05-01T00:00:00Z'),
    dueDate: null,
    finalizedAt,
    paidAt: null,
    voidedAt: null,
    markedUncollectibleAt: null,
    ...overrides,
  };
}

const paid = remote({
  status: 'paid',
  amountPaid: 99000n,
  paidAt,
  chargeId: 'ch_1',
  balanceTransactionId: 'txn_1',
  fee: 3366n,
});

/** Applies provider readings in order, as events would; answers the facts each one published. */
function play(...readings: ProviderInvoice[]): { record: InvoiceRecord | null; facts: string[][] } {
  let record: InvoiceRecord | null = null;
  const facts: string[][] = [];
  for (const reading of readings) {
    const advance = advanceInvoice(record, reading);
    if (!advance) {
      facts.push([]);
      continue;
    }
    record = advance.record;
    const { finalized, paid: wasPaid, writtenOff } = advance.facts;
    facts.push([
      ...(finalized ? ['finalized'] : []),
      ...(wasPaid ? ['paid'] : []),
      ...(writtenOff ? [`written off: ${writtenOff}`] : []),
    ]);
  }
  return { record, facts };
}

describe('advanceInvoice', () => {
  it('records a finalized invoice as open with what is billed, and bills it once', () => {
    const { record, facts } = play(remote(), remote());
    expect(record).toMatchObject({
      status: 'open',
      amountDue: '99000',
      amountPaid: '0',
      tax: '9000',
      finalizedAt,
      paidAt: null,
    });
    expect(facts).toEqual([['finalized'], []]);
  });

  it('moves an open invoice to paid with the payment, publishing paid once', () => {
    const { record, facts } = play(remote(), paid, paid);
    expect(record).toMatchObject({
      status: 'paid',
      amountPaid: '99000',
      providerFee: '3366',
      providerChargeId: 'ch_1',
      providerBalanceTransactionId: 'txn_1',
      paidAt,
    });
    expect(facts).toEqual([['finalized'], ['paid'], []]);
  });

  it('bills and collects at once when the paid invoice is the first the suite hears of', () => {
    const { record, facts } = play(paid, remote());
    expect(record).toMatchObject({ status: 'paid', finalizedAt });
    expect(facts).toEqual([['finalized', 'paid'], []]);
  });

  it('never moves a paid invoice back to open, nor a void one', () => {
    expect(play(paid, remote()).record?.status).toBe('paid');
    expect(play(remote({ status: 'void', voidedAt }), remote()).record?.status).toBe('void');
  });

  it('writes off a voided invoice once, with what it no longer expects', () => {
    const { record, facts } = play(
      remote(),
      remote({ status: 'void', voidedAt }),
      remote({ status: 'void', voidedAt }),
    );
    expect(record).toMatchObject({ status: 'void', voidedAt });
    expect(facts).toEqual([['finalized'], ['written off: void'], []]);
  });

  it('writes off an uncollectible invoice once, even when it is voided afterwards, and still collects it if paid', () => {
    const uncollectible = remote({ status: 'uncollectible', markedUncollectibleAt: voidedAt });
    expect(play(remote(), uncollectible, remote({ status: 'void', voidedAt })).facts).toEqual([
      ['finalized'],
      ['written off: uncollectible'],
      [],
    ]);
    expect(play(remote(), uncollectible, paid).facts).toEqual([
      ['finalized'],
      ['written off: uncollectible'],
      ['paid'],
    ]);
  });

  it('records a zero invoice (a trial) without any money fact', () => {
    const free = { amountDue: 0n, tax: 0n };
    const { record, facts } = play(remote(free), remote({ ...free, status: 'paid', paidAt }));
    expect(record).toMatchObject({ status: 'paid', amountDue: '0' });
    expect(facts).toEqual([[], []]);
  });

  it('records nothing of a draft', () => {
    expect(advanceInvoice(null, remote({ status: 'draft', finalizedAt: null }))).toBeNull();
  });
});
