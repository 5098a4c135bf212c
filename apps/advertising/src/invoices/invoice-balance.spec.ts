import { balanceOf, InvoiceMoney, invoiceStatusOf, refundsToAsk } from './invoice-balance';

const money = (total: bigint, credited: bigint, paid: bigint, refunded: bigint): InvoiceMoney => ({
  total,
  credited,
  paid,
  refunded,
});

describe('where an invoice stands', () => {
  it.each<[string, InvoiceMoney, bigint, string]>([
    ['issued, nothing paid', money(1100n, 0n, 0n, 0n), 1100n, 'open'],
    ['paid in part', money(1100n, 0n, 600n, 0n), 500n, 'open'],
    ['paid in full', money(1100n, 0n, 1100n, 0n), 0n, 'paid'],
    ['paid twice over', money(1100n, 0n, 2200n, 0n), -1100n, 'refund-due'],
    ['canceled unpaid, a penalty kept', money(1100n, 330n, 0n, 0n), 770n, 'open'],
    ['canceled unpaid, nothing kept', money(1100n, 1100n, 0n, 0n), 0n, 'void'],
    ['canceled paid, the rest not yet refunded', money(1100n, 770n, 1100n, 0n), -770n, 'refund-due'],
    ['canceled paid, the rest refunded', money(1100n, 770n, 1100n, 770n), 0n, 'paid'],
    ['canceled paid, all refunded', money(1100n, 1100n, 1100n, 1100n), 0n, 'void'],
  ])('%s', (_what, invoice, balance, status) => {
    expect([balanceOf(invoice), invoiceStatusOf(invoice)]).toEqual([balance, status]);
  });
});

describe('refunds to ask for', () => {
  const owedBack = money(1100n, 770n, 1100n, 0n); // 770 owed back
  it.each<[string, InvoiceMoney, bigint, { paymentId: string; refundable: bigint }[], string]>([
    ['nothing owed back', money(1100n, 0n, 1100n, 0n), 0n, [{ paymentId: 'p1', refundable: 1100n }], ''],
    ['from the one rail payment', owedBack, 0n, [{ paymentId: 'p1', refundable: 1100n }], 'p1:770'],
    ['only what is not being refunded yet', owedBack, 500n, [{ paymentId: 'p1', refundable: 600n }], 'p1:270'],
    ['nothing while all of it is being refunded', owedBack, 770n, [{ paymentId: 'p1', refundable: 330n }], ''],
    [
      'oldest payment first, then the next',
      owedBack,
      0n,
      [
        { paymentId: 'p1', refundable: 500n },
        { paymentId: 'p2', refundable: 600n },
      ],
      'p1:500 p2:270',
    ],
    ['a payment with nothing left is passed over', owedBack, 0n, [{ paymentId: 'p1', refundable: 0n }], ''],
    ['what no rail payment holds stays owed back', owedBack, 0n, [{ paymentId: 'p1', refundable: 100n }], 'p1:100'],
  ])('%s', (_what, invoice, pending, payments, expected) => {
    expect(
      refundsToAsk(invoice, pending, payments)
        .map((refund) => `${refund.paymentId}:${refund.amount}`)
        .join(' '),
    ).toBe(expected);
  });
});
