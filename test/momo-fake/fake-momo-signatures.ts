import { createCipheriv, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The fake's own signing, written from MoMo's reference pages and on purpose sharing nothing with
 * the adapter's momo-signature.ts: each raw string is spelled out as its page prints it, so a wrong
 * key list or order in either one makes the other refuse.
 */
export interface FakeMerchant {
  partnerCode: string;
  accessKey: string;
  secretKey: string;
}

type Text = string | number;

export function hmacHex(secretKey: string, raw: string): string {
  return createHmac('sha256', Buffer.from(secretKey, 'utf8')).update(Buffer.from(raw, 'utf8')).digest('hex');
}

export function signaturesMatch(expected: string, received: unknown): boolean {
  if (typeof received !== 'string') return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(received.toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** captureWallet / payWithMethod page: accessKey=$accessKey&amount=$amount&extraData=$extraData&ipnUrl=…&requestType=$requestType. */
export function createRequestRaw(m: FakeMerchant, b: Record<string, Text>): string {
  return (
    `accessKey=${m.accessKey}&amount=${b.amount}&extraData=${b.extraData}&ipnUrl=${b.ipnUrl}` +
    `&orderId=${b.orderId}&orderInfo=${b.orderInfo}&partnerCode=${b.partnerCode}` +
    `&redirectUrl=${b.redirectUrl}&requestId=${b.requestId}&requestType=${b.requestType}`
  );
}

/** Query page: accessKey=$accessKey&orderId=$orderId&partnerCode=$partnerCode&requestId=$requestId. */
export function queryRequestRaw(m: FakeMerchant, b: Record<string, Text>): string {
  return `accessKey=${m.accessKey}&orderId=${b.orderId}&partnerCode=${b.partnerCode}&requestId=${b.requestId}`;
}

/** Refund page: accessKey, amount, description, orderId, partnerCode, requestId, transId. */
export function refundRequestRaw(m: FakeMerchant, b: Record<string, Text>): string {
  return (
    `accessKey=${m.accessKey}&amount=${b.amount}&description=${b.description}&orderId=${b.orderId}` +
    `&partnerCode=${b.partnerCode}&requestId=${b.requestId}&transId=${b.transId}`
  );
}

/** Payment Notification page: accessKey=$accessKey&amount=$amount&extraData=…&resultCode=$resultCode&transId=$transId. */
export function ipnRaw(m: FakeMerchant, b: Record<string, Text>): string {
  return (
    `accessKey=${m.accessKey}&amount=${b.amount}&extraData=${b.extraData}&message=${b.message}` +
    `&orderId=${b.orderId}&orderInfo=${b.orderInfo}&orderType=${b.orderType}&partnerCode=${b.partnerCode}` +
    `&payType=${b.payType}&requestId=${b.requestId}&responseTime=${b.responseTime}` +
    `&resultCode=${b.resultCode}&transId=${b.transId}`
  );
}

/** Account Binding page, linkWallet create: the create list with partnerClientId in its a-z place. */
export function bindingRequestRaw(m: FakeMerchant, b: Record<string, Text>): string {
  return (
    `accessKey=${m.accessKey}&amount=${b.amount}&extraData=${b.extraData}&ipnUrl=${b.ipnUrl}` +
    `&orderId=${b.orderId}&orderInfo=${b.orderInfo}&partnerClientId=${b.partnerClientId}` +
    `&partnerCode=${b.partnerCode}&redirectUrl=${b.redirectUrl}&requestId=${b.requestId}&requestType=${b.requestType}`
  );
}

/** Account Binding page, the binding's IPN: the IPN list with callbackToken and partnerClientId. */
export function bindingIpnRaw(m: FakeMerchant, b: Record<string, Text>): string {
  return (
    `accessKey=${m.accessKey}&amount=${b.amount}&callbackToken=${b.callbackToken}&extraData=${b.extraData}` +
    `&message=${b.message}&orderId=${b.orderId}&orderInfo=${b.orderInfo}&orderType=${b.orderType}` +
    `&partnerClientId=${b.partnerClientId}&partnerCode=${b.partnerCode}&payType=${b.payType}` +
    `&requestId=${b.requestId}&responseTime=${b.responseTime}&resultCode=${b.resultCode}&transId=${b.transId}`
  );
}

/** tokenization/cbToken: accessKey, callbackToken, orderId, partnerClientId, partnerCode, requestId. */
export function cbTokenRequestRaw(m: FakeMerchant, b: Record<string, Text>): string {
  return (
    `accessKey=${m.accessKey}&callbackToken=${b.callbackToken}&orderId=${b.orderId}` +
    `&partnerClientId=${b.partnerClientId}&partnerCode=${b.partnerCode}&requestId=${b.requestId}`
  );
}

/** tokenization/pay, as MoMo's Java SDK (PayByToken) signs it: nine keys, no ipnUrl or redirectUrl. */
export function tokenPayRequestRaw(m: FakeMerchant, b: Record<string, Text>): string {
  return (
    `accessKey=${m.accessKey}&amount=${b.amount}&extraData=${b.extraData}&orderId=${b.orderId}` +
    `&orderInfo=${b.orderInfo}&partnerClientId=${b.partnerClientId}&partnerCode=${b.partnerCode}` +
    `&requestId=${b.requestId}&token=${b.token}`
  );
}

/** Token delete, as MoMo's Java SDK (DeleteToken) signs it. */
export function tokenDeleteRequestRaw(m: FakeMerchant, b: Record<string, Text>): string {
  return (
    `accessKey=${m.accessKey}&orderId=${b.orderId}&partnerClientId=${b.partnerClientId}` +
    `&partnerCode=${b.partnerCode}&requestId=${b.requestId}&token=${b.token}`
  );
}

/** aesToken as MoMo's AES sample makes it: AES-256-CBC under the secret key's bytes, a zero IV, base64. */
export function sealAesToken(secretKey: string, token: string): string {
  const cipher = createCipheriv('aes-256-cbc', Buffer.from(secretKey, 'utf8'), Buffer.alloc(16));
  return Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]).toString('base64');
}
