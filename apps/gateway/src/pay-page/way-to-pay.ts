import type { PaymentAttemptView, PaymentRailName } from '@libs/contracts';

/** How the payer goes on from the pay page: to the rail's own page, or scanning a QR shown here. */
export type WayToPay = { kind: 'redirect'; url: string } | { kind: 'qr'; payload: string } | { kind: 'none' };

/**
 * Wallets and bank gateways take the payer to their own page (which offers the app, a card or a QR);
 * payOS's point is the VietQR any banking app scans, so it is shown here. Whatever the rail gave
 * is used when the preferred way is missing.
 */
const PREFERRED: Record<PaymentRailName, WayToPay['kind']> = { momo: 'redirect', vnpay: 'redirect', payos: 'qr' };

export function wayToPay(attempt: PaymentAttemptView): WayToPay {
  const redirect: WayToPay | null =
    attempt.redirectUrl && /^https?:\/\//i.test(attempt.redirectUrl)
      ? { kind: 'redirect', url: attempt.redirectUrl }
      : null;
  const qr: WayToPay | null = attempt.qrCode ? { kind: 'qr', payload: attempt.qrCode } : null;
  const ways = PREFERRED[attempt.rail] === 'qr' ? [qr, redirect] : [redirect, qr];
  return ways.find((way) => way !== null) ?? { kind: 'none' };
}
