import { PaymentAttemptView } from '@libs/contracts';
import { wayToPay } from './way-to-pay';

const attempt = (overrides: Partial<PaymentAttemptView>): PaymentAttemptView => ({
  id: '33333333-3333-4333-8333-333333333333',
  rail: 'momo',
  status: 'started',
  orderReference: 'o',
  redirectUrl: null,
  qrCode: null,
  providerTransactionId: null,
  failure: null,
  createdAt: '2026-12-08T02:00:00.000Z',
  ...overrides,
});

describe('the way on from the pay page', () => {
  it("sends wallet and bank gateway payers to the rail's page, even when it also gave a QR", () => {
    const way = wayToPay(
      attempt({ rail: 'momo', redirectUrl: 'https://test-payment.momo.vn/pay/1', qrCode: 'momo://x' }),
    );
    expect(way).toEqual({ kind: 'redirect', url: 'https://test-payment.momo.vn/pay/1' });
    expect(wayToPay(attempt({ rail: 'vnpay', redirectUrl: 'https://sandbox.vnpayment.vn/p' })).kind).toBe('redirect');
  });

  it('shows payOS as its VietQR, and falls back to what the rail gave', () => {
    expect(wayToPay(attempt({ rail: 'payos', redirectUrl: 'https://pay.payos.vn/web/1', qrCode: '000201' }))).toEqual({
      kind: 'qr',
      payload: '000201',
    });
    expect(wayToPay(attempt({ rail: 'payos', redirectUrl: 'https://pay.payos.vn/web/1' })).kind).toBe('redirect');
    expect(wayToPay(attempt({ rail: 'momo', qrCode: 'momo://x' }))).toEqual({ kind: 'qr', payload: 'momo://x' });
  });

  it('never redirects to anything but a web address', () => {
    expect(wayToPay(attempt({ rail: 'momo', redirectUrl: 'javascript:alert(1)' }))).toEqual({ kind: 'none' });
  });
});
