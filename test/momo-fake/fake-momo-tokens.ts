import { randomBytes } from 'node:crypto';
import { FakeMomoReply, TEXT, WHOLE, authenticated, echo, reply } from './fake-momo-api';
import { cbTokenRequestRaw, sealAesToken, tokenDeleteRequestRaw, tokenPayRequestRaw } from './fake-momo-signatures';
import { FakeMomoOrder, FakeMomoStore } from './fake-momo-store';

type Body = Record<string, unknown>;
type Signed = Record<string, string | number>;

/** tokenization/cbToken: the binding IPN's callbackToken, once, for the bound wallet's token, AES-sealed. */
export function answerCallbackToken(store: FakeMomoStore, body: Body): FakeMomoReply {
  if (!TEXT(body, ['partnerCode', 'requestId', 'orderId', 'partnerClientId', 'callbackToken']))
    return reply(echo(body), 20);
  const merchant = authenticated(store, body, (m) => cbTokenRequestRaw(m, body as Signed));
  if (!merchant) return reply(echo(body), 13);
  const callback = store.callbacks.get(body.callbackToken as string);
  if (
    !callback ||
    callback.partnerCode !== merchant.partnerCode ||
    callback.orderId !== body.orderId ||
    callback.partnerClientId !== body.partnerClientId
  )
    return reply(echo(body), 47);
  store.callbacks.delete(body.callbackToken as string);
  const token = randomBytes(32).toString('hex');
  store.tokens.set(token, {
    partnerCode: merchant.partnerCode,
    partnerClientId: callback.partnerClientId,
    active: true,
  });
  return reply(
    { ...echo(body), partnerClientId: callback.partnerClientId, aesToken: sealAesToken(merchant.secretKey, token) },
    0,
  );
}

/**
 * tokenization/pay, checked: a new order for the charge (the caller decides its fate), or MoMo's
 * refusal. A token the merchant's payer does not hold, or one unbound, is refused.
 */
export function takeTokenCharge(
  store: FakeMomoStore,
  body: Body,
): { order: FakeMomoOrder } | { refused: FakeMomoReply } {
  const textKeys = [
    'partnerCode',
    'requestId',
    'orderId',
    'orderInfo',
    'partnerClientId',
    'token',
    'extraData',
    'ipnUrl',
  ];
  if (!TEXT(body, textKeys) || !WHOLE(body.amount)) return { refused: reply(echo(body), 20) };
  const merchant = authenticated(store, body, (m) => tokenPayRequestRaw(m, body as Signed));
  if (!merchant) return { refused: reply(echo(body), 13) };
  const amount = body.amount as number;
  if (amount < 1_000 || amount > 30_000_000) return { refused: reply({ ...echo(body), amount }, 22) };
  const token = store.tokens.get(body.token as string);
  if (!token?.active || token.partnerCode !== merchant.partnerCode || token.partnerClientId !== body.partnerClientId)
    return { refused: reply({ ...echo(body), amount }, 47) };
  if (store.orderIdTaken(merchant.partnerCode, body.orderId as string))
    return { refused: reply({ ...echo(body), amount }, 41) };
  const order = store.add({
    merchant,
    orderId: body.orderId as string,
    requestId: body.requestId as string,
    amount,
    orderInfo: body.orderInfo as string,
    extraData: body.extraData as string,
    ipnUrl: body.ipnUrl as string,
    redirectUrl: typeof body.redirectUrl === 'string' ? body.redirectUrl : '',
    partnerClientId: null,
  });
  return { order };
}

/** The token delete request: the wallet is unbound and its token charges nothing more. */
export function unbindToken(store: FakeMomoStore, body: Body): FakeMomoReply {
  if (!TEXT(body, ['partnerCode', 'requestId', 'orderId', 'partnerClientId', 'token'])) return reply(echo(body), 20);
  const merchant = authenticated(store, body, (m) => tokenDeleteRequestRaw(m, body as Signed));
  if (!merchant) return reply(echo(body), 13);
  const token = store.tokens.get(body.token as string);
  if (!token?.active || token.partnerCode !== merchant.partnerCode || token.partnerClientId !== body.partnerClientId)
    return reply(echo(body), 47);
  token.active = false;
  return reply(echo(body), 0);
}
