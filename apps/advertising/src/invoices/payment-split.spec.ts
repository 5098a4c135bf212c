import { BookingOwing, splitPayment } from './payment-split';

const owing = (owed: bigint, total = owed): BookingOwing => ({ owed, total });

describe('a payment split over the bookings of an invoice', () => {
  it.each<[string, bigint, BookingOwing[], bigint[]]>([
    ['one booking takes it all', 1100n, [owing(1100n)], [1100n]],
    ['in proportion to what each owes', 1650n, [owing(1100n), owing(2200n)], [550n, 1100n]],
    ['a unit left over goes to the largest remainder', 100n, [owing(1n), owing(2n)], [33n, 67n]],
    ['a tie goes to the earlier booking', 101n, [owing(1n), owing(1n)], [51n, 50n]],
    ['three ways, every unit placed', 100n, [owing(1n), owing(1n), owing(1n)], [34n, 33n, 33n]],
    ['a booking that owes nothing takes nothing', 500n, [owing(0n, 1000n), owing(1000n)], [0n, 500n]],
    ['paid in full, each what it owes', 3300n, [owing(1100n), owing(2200n)], [1100n, 2200n]],
    ['beyond what is owed: the rest by what each billed', 1300n, [owing(0n, 1000n), owing(1000n, 3000n)], [75n, 1225n]],
    ['nothing owed and nothing billed: alike', 3n, [owing(0n, 0n), owing(0n, 0n)], [2n, 1n]],
  ])('%s', (_what, amount, bookings, shares) => {
    const split = splitPayment(amount, bookings);
    expect(split).toEqual(shares);
    expect(split.reduce((sum, share) => sum + share, 0n)).toBe(amount);
  });
});
