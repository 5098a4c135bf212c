import { MomoRequestError } from './momo-request.error';

/** Money as the house carries it: integer minor units and an ISO currency. VND has no minor unit. */
export interface MomoMoney {
  amountMinor: bigint | number;
  currency: string;
}

/** MoMo's documented bounds for an amount, in đồng, both inclusive. */
export interface VndLimits {
  min: number;
  max: number;
}

/** captureWallet and payWithMethod on /v2/gateway/api/create: "Min: 1.000 VND, Max: 50.000.000 VND". */
export const CREATE_PAYMENT_LIMITS: VndLimits = { min: 1_000, max: 50_000_000 };

/**
 * The amount MoMo takes (a JSON Long of đồng), or a refusal naming the field: MoMo knows only VND,
 * and only whole đồng within the operation's limits.
 */
export function momoAmount(money: MomoMoney, limits: VndLimits, field = 'amount'): number {
  if (money.currency !== 'VND') throw new MomoRequestError(field, `MoMo takes VND only, not ${money.currency}`);
  const { amountMinor } = money;
  if (typeof amountMinor === 'number' && !Number.isSafeInteger(amountMinor))
    throw new MomoRequestError(field, `not a whole number of đồng: ${amountMinor}`);
  const amount = BigInt(amountMinor);
  if (amount < BigInt(limits.min) || amount > BigInt(limits.max))
    throw new MomoRequestError(field, `MoMo takes ${limits.min}..${limits.max} VND here, not ${amount}`);
  return Number(amount);
}
