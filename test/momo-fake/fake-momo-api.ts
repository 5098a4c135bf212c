import { FakeMomoStore } from './fake-momo-store';
import {
  FakeMerchant,
  bindingRequestRaw,
  createRequestRaw,
  hmacHex,
  queryRequestRaw,
  refundRequestRaw,
  signaturesMatch,
} from './fake-momo-signatures';

/** What the fake answers an API call: MoMo's JSON envelope and an HTTP status. */
export interface FakeMomoReply {
  status: number;
  body: Record<string, unknown>;
}

type Body = Record<string, unknown>;

/** The result codes the fake uses, with MoMo's English messages (List Result Codes). */
const CODES = {
  0: 'Successful.',
  13: 'Merchant authentication failed.',
  20: 'Bad format request.',
  22: 'The transaction amount is out of range.',
  41: 'Duplicated orderId.',
  42: 'Invalid orderId or orderId is not found.',
  // The fake's answer to a token it does not know or that was unbound: the result-code list we could
  // read names no token code, so the fake uses its "inapplicable information" refusal (a reading).
  47: 'Inapplicable information in the given set of valid data.',
  1000: 'Transaction is initiated, waiting for user confirmation.',
  1001: 'Transaction failed due to insufficient funds.',
  1006: 'Transaction denied by user.',
  1081: 'Refund rejected. The original transaction might have been refunded.',
} as const;
export type FakeMomoCode = keyof typeof CODES;

export function momoMessage(code: FakeMomoCode): string {
  return CODES[code];
}

export function reply(body: Body, code: FakeMomoCode): FakeMomoReply {
  // MoMo answers a refused request with a 4xx and the same envelope; a transaction's fate with a 200.
  const status = code !== 0 && code < 1000 ? 400 : 200;
  return { status, body: { ...body, resultCode: code, message: momoMessage(code), responseTime: Date.now() } };
}

export function echo(body: Body): Body {
  return { partnerCode: body.partnerCode, requestId: body.requestId, orderId: body.orderId };
}

export const TEXT = (body: Body, keys: readonly string[]) => keys.every((key) => typeof body[key] === 'string');
export const WHOLE = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);

/** The merchant the request names, when its signature is that merchant's. */
export function authenticated(store: FakeMomoStore, body: Body, raw: (m: FakeMerchant) => string): FakeMerchant | null {
  const merchant = store.merchant(body.partnerCode);
  if (!merchant) return null;
  return signaturesMatch(hmacHex(merchant.secretKey, raw(merchant)), body.signature) ? merchant : null;
}

export function createPayment(store: FakeMomoStore, baseUrl: string, body: Body): FakeMomoReply {
  const textKeys = [
    'partnerCode',
    'requestId',
    'orderId',
    'orderInfo',
    'redirectUrl',
    'ipnUrl',
    'requestType',
    'extraData',
  ];
  if (!TEXT(body, textKeys) || !WHOLE(body.amount)) return reply(echo(body), 20);
  const binding = body.requestType === 'linkWallet';
  if (!binding && body.requestType !== 'captureWallet' && body.requestType !== 'payWithMethod')
    return reply(echo(body), 20);
  if (binding && typeof body.partnerClientId !== 'string') return reply(echo(body), 20);
  const raw = binding ? bindingRequestRaw : createRequestRaw;
  const merchant = authenticated(store, body, (m) => raw(m, body as Record<string, string | number>));
  if (!merchant) return reply(echo(body), 13);
  const amount = body.amount as number;
  // The binding page: 0 binds only; otherwise at least 1.000 VND, bound and paid at once.
  if (!(binding && amount === 0) && (amount < 1_000 || amount > 50_000_000))
    return reply({ ...echo(body), amount }, 22);
  const orderId = body.orderId as string;
  if (store.orderIdTaken(merchant.partnerCode, orderId)) return reply({ ...echo(body), amount }, 41);
  const order = store.add({
    merchant,
    orderId,
    requestId: body.requestId as string,
    amount,
    orderInfo: body.orderInfo as string,
    extraData: body.extraData as string,
    ipnUrl: body.ipnUrl as string,
    redirectUrl: body.redirectUrl as string,
    partnerClientId: binding ? (body.partnerClientId as string) : null,
  });
  return reply(
    {
      ...echo(body),
      amount,
      payUrl: `${baseUrl}/pay/${order.payId}`,
      deeplink: `momo://app?action=payWithApp&id=${order.payId}`,
      qrCodeUrl: `momo://app?action=payWithApp&isScanQR=true&id=${order.payId}`,
    },
    0,
  );
}

export function queryPayment(store: FakeMomoStore, body: Body): FakeMomoReply {
  if (!TEXT(body, ['partnerCode', 'requestId', 'orderId'])) return reply(echo(body), 20);
  const merchant = authenticated(store, body, (m) => queryRequestRaw(m, body as Record<string, string>));
  if (!merchant) return reply(echo(body), 13);
  const order = store.order(merchant.partnerCode, body.orderId);
  if (!order) return reply({ ...echo(body), amount: 0, transId: 0 }, 42);
  const state = { created: 1000, paid: 0, declined: 1006 } as const;
  return reply(
    {
      ...echo(body),
      extraData: order.extraData,
      amount: order.amount,
      transId: order.transId,
      payType: order.state === 'paid' ? 'qr' : '',
      refundTrans: order.refunds.map((refund) => ({
        orderId: refund.orderId,
        amount: refund.amount,
        resultCode: 0,
        transId: refund.transId,
        createdTime: Date.now(),
      })),
    },
    state[order.state],
  );
}

export function refundPayment(store: FakeMomoStore, body: Body): FakeMomoReply {
  if (!TEXT(body, ['partnerCode', 'requestId', 'orderId', 'description'])) return reply(echo(body), 20);
  if (!WHOLE(body.amount) || !WHOLE(body.transId)) return reply(echo(body), 20);
  const merchant = authenticated(store, body, (m) => refundRequestRaw(m, body as Record<string, string | number>));
  if (!merchant) return reply(echo(body), 13);
  const amount = body.amount as number;
  const answer = { ...echo(body), amount, transId: 0 };
  const order = store.paidOrderByTransId(merchant.partnerCode, body.transId);
  if (!order) return reply(answer, 42);
  if (store.orderIdTaken(merchant.partnerCode, body.orderId as string)) return reply(answer, 41);
  if (amount < 1_000) return reply(answer, 22);
  const refunded = order.refunds.reduce((sum, refund) => sum + refund.amount, 0);
  if (amount > order.amount - refunded) return reply(answer, 1081);
  const refund = { orderId: body.orderId as string, amount, transId: store.newTransId() };
  order.refunds.push(refund);
  return reply({ ...answer, transId: refund.transId }, 0);
}
