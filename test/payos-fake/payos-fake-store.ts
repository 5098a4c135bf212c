import { randomBytes, randomUUID } from 'node:crypto';
import { vietQrPayload } from './vietqr-payload';

export type LinkStatus = 'PENDING' | 'PAID' | 'CANCELLED' | 'EXPIRED';

/** A merchant's payment channel, as payOS knows it. */
export interface FakeChannel {
  clientId: string;
  apiKey: string;
  checksumKey: string;
  bin: string;
  accountNumber: string;
  accountName: string;
  webhookUrl: string | null;
}

export interface FakeTransaction {
  reference: string;
  amount: number;
  transactionDateTime: Date;
}

/** One payment link, as created by the merchant and then paid or cancelled by the payer. */
export interface FakeLink {
  channel: FakeChannel;
  id: string;
  orderCode: number;
  amount: number;
  /** As received: the test reads what the adapter sent. */
  request: Record<string, unknown>;
  description: string;
  status: LinkStatus;
  createdAt: Date;
  expiredAt: number | null;
  checkoutUrl: string;
  qrCode: string;
  transactions: FakeTransaction[];
  cancellationReason: string | null;
  canceledAt: Date | null;
  /** The last webhook body sent for this link, for `resend`. */
  lastWebhook: Record<string, unknown> | null;
}

/** The fake's memory: channels by client id, links by channel and order code, and by what the payer holds. */
export class PayosFakeStore {
  private readonly channels = new Map<string, FakeChannel>();
  private readonly links = new Map<string, FakeLink>();
  private readonly linksByPayerHandle = new Map<string, FakeLink>();

  constructor(private readonly baseUrl: string) {}

  addChannel(): FakeChannel {
    const channel: FakeChannel = {
      clientId: randomUUID(),
      apiKey: randomUUID(),
      checksumKey: randomBytes(32).toString('hex'),
      bin: '970422',
      accountNumber: String(10_000_000_000 + Math.floor(Math.random() * 89_999_999_999)),
      accountName: 'CONG TY TNHH FAKE MEDIA',
      webhookUrl: null,
    };
    this.channels.set(channel.clientId, channel);
    return channel;
  }

  channel(clientId: string): FakeChannel | undefined {
    return this.channels.get(clientId);
  }

  link(channel: FakeChannel, id: string): FakeLink | undefined {
    const byOrderCode = /^\d+$/.test(id) ? this.links.get(`${channel.clientId}:${id}`) : undefined;
    if (byOrderCode) return byOrderCode;
    return [...this.links.values()].find((link) => link.channel === channel && link.id === id);
  }

  hasOrderCode(channel: FakeChannel, orderCode: number): boolean {
    return this.links.has(`${channel.clientId}:${orderCode}`);
  }

  addLink(channel: FakeChannel, request: Record<string, unknown>): FakeLink {
    const id = randomUUID().replace(/-/g, '');
    const orderCode = request.orderCode as number;
    const amount = request.amount as number;
    const description = request.description as string;
    const link: FakeLink = {
      channel,
      id,
      orderCode,
      amount,
      request,
      description,
      status: 'PENDING',
      createdAt: new Date(),
      expiredAt: typeof request.expiredAt === 'number' ? request.expiredAt : null,
      checkoutUrl: `${this.baseUrl}/web/${id}`,
      qrCode: vietQrPayload({
        bin: channel.bin,
        accountNumber: channel.accountNumber,
        amount,
        reference: `CS${id.slice(0, 10).toUpperCase()}`,
        description,
      }),
      transactions: [],
      cancellationReason: null,
      canceledAt: null,
      lastWebhook: null,
    };
    this.links.set(`${channel.clientId}:${orderCode}`, link);
    this.linksByPayerHandle.set(link.checkoutUrl, link);
    this.linksByPayerHandle.set(link.qrCode, link);
    return link;
  }

  /** The link a payer holds: its checkout URL or its QR payload. */
  linkHeldByPayer(attempt: { redirectUrl: string | null; qrCode: string | null }): FakeLink {
    const link =
      (attempt.qrCode ? this.linksByPayerHandle.get(attempt.qrCode) : undefined) ??
      (attempt.redirectUrl ? this.linksByPayerHandle.get(attempt.redirectUrl) : undefined);
    if (!link) throw new Error('fake payOS: no payment link has this QR code or checkout URL');
    return link;
  }
}
