import { ValidationFailedError } from '@libs/common';
import { OfferInput } from '@libs/contracts';
import { normalizeOffers } from './normalize-offers';

const PLAN = '0f8fad5b-d9cb-469f-a165-70867728950e';
const copy = { headline: 'Đăng ký', body: 'Đọc không giới hạn', cta: 'Đăng ký ngay' };
const offer = (overrides: Partial<OfferInput> = {}): OfferInput => ({
  name: 'Monthly',
  planIds: [PLAN],
  copy: { vi: copy, en: copy },
  ...overrides,
});

function refusedFields(inputs: OfferInput[]): string[] {
  try {
    normalizeOffers(inputs);
    return [];
  } catch (error) {
    if (!(error instanceof ValidationFailedError)) throw error;
    return error.errors!.map((e) => e.field);
  }
}

describe('normalizing offers', () => {
  it("opens Stripe's checkout when the offer names none, as offers always did", () => {
    const [normalized] = normalizeOffers([offer()]);
    expect(normalized).toMatchObject({ checkout: 'stripe', rails: null, appliesTo: ['block', 'register'] });
  });

  it('keeps a rail checkout and its rails, each once', () => {
    const [anyRail, someRails] = normalizeOffers([
      offer({ checkout: 'rails' }),
      offer({ checkout: 'rails', rails: ['vnpay', 'momo', 'vnpay'] }),
    ]);
    expect(anyRail).toMatchObject({ checkout: 'rails', rails: null });
    expect(someRails).toMatchObject({ checkout: 'rails', rails: ['vnpay', 'momo'] });
  });

  it('refuses rails on a Stripe checkout and a promotion code on the rails, naming the field', () => {
    expect(
      refusedFields([
        offer({ rails: ['momo'] }),
        offer({ checkout: 'stripe', rails: ['payos'] }),
        offer({ checkout: 'rails', couponCode: 'NAM2026' }),
        offer({ checkout: 'rails', couponCode: null, rails: ['momo'] }),
        offer({ checkout: 'stripe', couponCode: 'NAM2026' }),
      ]),
    ).toEqual(['offers[0].rails', 'offers[1].rails', 'offers[2].couponCode']);
  });
});
