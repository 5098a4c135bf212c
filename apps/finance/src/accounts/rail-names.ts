import type { PaymentRailName } from '@libs/contracts';

/** Each rail as the journal's descriptions name it. */
export const RAIL_NAMES: Record<PaymentRailName, string> = { momo: 'MoMo', vnpay: 'VNPay', payos: 'payOS' };
