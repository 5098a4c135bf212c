import { GiftAtRefund, giftRefundEffect, GiftRefundEffect } from './gift-refund-effect';

const at = (iso: string) => new Date(iso);
const refundedAt = at('2026-11-10T03:00:00.000Z');
const unredeemed: GiftAtRefund = { refundedAt: null, redeemedAt: null, redeemedUntil: null };
const redeemed: GiftAtRefund = {
  refundedAt: null,
  redeemedAt: at('2026-11-01T00:00:00.000Z'),
  redeemedUntil: at('2027-02-01T00:00:00.000Z'),
};

describe('giftRefundEffect', () => {
  const cases: [string, GiftAtRefund | null, boolean, GiftRefundEffect][] = [
    ['no gift made with the payment', null, true, { kind: 'none', reason: 'no gift was made with the payment' }],
    ['an unredeemed gift refunded in full is revoked', unredeemed, true, { kind: 'revoke' }],
    [
      'an unredeemed gift refunded in part stays',
      unredeemed,
      false,
      { kind: 'none', reason: 'a partial refund leaves the gift as it is' },
    ],
    [
      'a redeemed gift refunded in full ends access at the refund',
      redeemed,
      true,
      { kind: 'end-access', until: refundedAt },
    ],
    [
      'a redeemed gift refunded in part keeps its access',
      redeemed,
      false,
      { kind: 'none', reason: 'a partial refund leaves the gift as it is' },
    ],
    [
      'a redeemed gift whose months ran out keeps its end',
      { ...redeemed, redeemedUntil: at('2026-11-05T00:00:00.000Z') },
      true,
      { kind: 'end-access', until: at('2026-11-05T00:00:00.000Z') },
    ],
    [
      'a gift refunded before is left alone',
      { ...unredeemed, refundedAt: at('2026-11-09T00:00:00.000Z') },
      true,
      { kind: 'none', reason: 'the gift is already refunded' },
    ],
  ];

  it.each(cases)('%s', (_, gift, full, expected) => {
    expect(giftRefundEffect(gift, { full, refundedAt })).toEqual(expected);
  });
});
