import { randomBytes, randomInt } from 'node:crypto';
import { FakeMerchant } from './fake-momo-signatures';

/** A payment as the fake holds it, from the create request that made it. */
export interface FakeMomoOrder {
  payId: string;
  merchant: FakeMerchant;
  orderId: string;
  requestId: string;
  amount: number;
  orderInfo: string;
  extraData: string;
  ipnUrl: string;
  redirectUrl: string;
  /** The payer's id a linkWallet request binds (null for a plain payment or a token charge). */
  partnerClientId: string | null;
  state: 'created' | 'paid' | 'declined';
  /** MoMo's transaction id, 0 until the payer acted. */
  transId: number;
  refunds: FakeMomoRefund[];
  lastIpn: Record<string, string | number> | null;
}

export interface FakeMomoRefund {
  orderId: string;
  amount: number;
  transId: number;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomText(length: number, alphabet = ALPHANUMERIC): string {
  return Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join('');
}

/** A wallet bound to a merchant's payer: what tokenization/pay charges. */
export interface FakeMomoToken {
  partnerCode: string;
  partnerClientId: string;
  active: boolean;
}

/** A bound wallet's token not yet fetched: the one-time callbackToken of the binding IPN. */
export interface FakeMomoCallback {
  partnerCode: string;
  orderId: string;
  partnerClientId: string;
}

/** Merchants, their orders and refunds, bound wallets: everything the fake MoMo remembers. */
export class FakeMomoStore {
  readonly tokens = new Map<string, FakeMomoToken>();
  readonly callbacks = new Map<string, FakeMomoCallback>();
  private readonly merchants = new Map<string, FakeMerchant>();
  private readonly orders = new Map<string, FakeMomoOrder>();
  private readonly byPayId = new Map<string, FakeMomoOrder>();
  private nextTransId = 4_000_000_000 + randomInt(1_000_000);

  newMerchant(): FakeMerchant {
    const merchant = {
      partnerCode: `MOMO${randomText(12, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}`,
      accessKey: randomText(16),
      secretKey: randomText(32),
    };
    this.merchants.set(merchant.partnerCode, merchant);
    return merchant;
  }

  merchant(partnerCode: unknown): FakeMerchant | undefined {
    return typeof partnerCode === 'string' ? this.merchants.get(partnerCode) : undefined;
  }

  /** MoMo's orderId is unique per partner, across payments and refunds alike. */
  orderIdTaken(partnerCode: string, orderId: string): boolean {
    if (this.orders.has(`${partnerCode}:${orderId}`)) return true;
    return [...this.orders.values()].some(
      (order) => order.merchant.partnerCode === partnerCode && order.refunds.some((r) => r.orderId === orderId),
    );
  }

  add(order: Omit<FakeMomoOrder, 'payId' | 'state' | 'transId' | 'refunds' | 'lastIpn'>): FakeMomoOrder {
    const stored: FakeMomoOrder = {
      ...order,
      payId: randomText(24),
      state: 'created',
      transId: 0,
      refunds: [],
      lastIpn: null,
    };
    this.orders.set(`${order.merchant.partnerCode}:${order.orderId}`, stored);
    this.byPayId.set(stored.payId, stored);
    return stored;
  }

  order(partnerCode: string, orderId: unknown): FakeMomoOrder | undefined {
    return typeof orderId === 'string' ? this.orders.get(`${partnerCode}:${orderId}`) : undefined;
  }

  orderByPayId(payId: string): FakeMomoOrder | undefined {
    return this.byPayId.get(payId);
  }

  paidOrderByTransId(partnerCode: string, transId: unknown): FakeMomoOrder | undefined {
    return [...this.orders.values()].find(
      (order) => order.merchant.partnerCode === partnerCode && order.state === 'paid' && order.transId === transId,
    );
  }

  newTransId(): number {
    return this.nextTransId++;
  }
}
