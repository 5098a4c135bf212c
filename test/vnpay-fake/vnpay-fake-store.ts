/** A merchant's terminal at the fake, and the IPN URL registered for it. */
export interface FakeTerminal {
  tmnCode: string;
  hashSecret: string;
  ipnUrl: string | null;
  /** vnp_RequestId of the querydr and refund requests seen (VNPay refuses one repeated). */
  requestIds: Set<string>;
}

/** One vnp_TxnRef of a terminal, from the payer's first visit of the payment page. */
export interface FakePayment {
  tmnCode: string;
  txnRef: string;
  /** VND, as the payer was asked (vnp_Amount / 100). */
  amount: bigint;
  orderInfo: string;
  /** The vnp_CreateDate of the pay URL: querydr and refund name the payment by it. */
  createDate: string;
  state: 'on-page' | 'paid' | 'declined';
  transactionNo: string | null;
  payDate: string | null;
  refunded: bigint;
  /** The query of the last IPN sent, unsigned, to send again. */
  lastIpn: Record<string, string> | null;
}

export class VnpayFakeStore {
  private readonly terminals = new Map<string, FakeTerminal>();
  private readonly payments = new Map<string, FakePayment>();
  private nextTransactionNo = 14_000_000;
  readonly calls = { create: 0, query: 0, refund: 0 };

  addTerminal(tmnCode: string, hashSecret: string): void {
    this.terminals.set(tmnCode, { tmnCode, hashSecret, ipnUrl: null, requestIds: new Set() });
  }

  terminal(tmnCode: string): FakeTerminal | undefined {
    return this.terminals.get(tmnCode);
  }

  payment(tmnCode: string, txnRef: string): FakePayment | undefined {
    return this.payments.get(`${tmnCode}:${txnRef}`);
  }

  addPayment(payment: FakePayment): void {
    this.payments.set(`${payment.tmnCode}:${payment.txnRef}`, payment);
  }

  transactionNo(): string {
    this.nextTransactionNo += 1;
    return String(this.nextTransactionNo);
  }
}
