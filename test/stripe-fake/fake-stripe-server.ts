import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import Stripe from 'stripe';
import { expandResponse } from './expand';
import { FormObject, formValueFromJson, parseFormBody } from './form-body';
import { HostedPages } from './hosted-pages';
import { matchRoute, Route } from './router';
import { StripeAccount } from './stripe-account';
import { StripeApiError } from './stripe-api-error';
import { randomToken } from './stripe-ids';
import { StripeParams } from './stripe-params';
import { StripeStore } from './stripe-store';

export interface FakeStripeServerParts {
  store: StripeStore;
  apiRoutes: Route[];
  controlRoutes: Route[];
  hostedPages: HostedPages;
}

const IN_PROGRESS = 0;

/**
 * The HTTP face of the fake: authenticates by secret key, decodes Stripe's form encoding,
 * replays or refuses reused `Idempotency-Key`s, applies `expand[]`, and answers errors in
 * Stripe's envelope.
 */
export function createFakeStripeServer(parts: FakeStripeServerParts): Server {
  return createServer((req, res) => void respond(parts, req, res));
}

async function respond(parts: FakeStripeServerParts, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://fake-stripe');
  const method = req.method ?? 'GET';
  const requestId = `req_${randomToken(14)}`;
  const headers: Record<string, string> = {
    'request-id': requestId,
    'stripe-version': header(req, 'stripe-version') ?? Stripe.API_VERSION,
  };
  let pending: { account: StripeAccount; key: string; fingerprint: string } | undefined;
  try {
    const rawBody = await readBody(req);
    const form = decodeParams(req, url, rawBody);
    const page = await parts.hostedPages.serve(method, url.pathname, form);
    if (page) return send(res, page.status, { ...headers, ...page.headers }, page.body);
    if (method === 'POST' && url.pathname === '/_fake/accounts') {
      const secretKey =
        typeof form.secret_key === 'string' && form.secret_key !== ''
          ? form.secret_key
          : `sk_test_fake_${randomToken(24)}`;
      parts.store.addAccount(secretKey);
      return sendJson(res, 200, headers, { object: 'fake.account', secret_key: secretKey });
    }
    const account = authenticate(parts.store, header(req, 'authorization'));
    const control = url.pathname.startsWith('/_fake/');
    const match = matchRoute(control ? parts.controlRoutes : parts.apiRoutes, method, url.pathname);
    if (!match) throw StripeApiError.unrecognizedUrl(method, url.pathname);
    if (!control) {
      const recorded = { method, path: url.pathname, params: structuredClone(form) };
      account.requests.push(recorded);
      await account.takeHold(recorded)?.hold(recorded);
    }
    if (!control && account.rateLimitedRequests > 0) {
      account.rateLimitedRequests -= 1;
      throw StripeApiError.rateLimited();
    }

    const idempotencyKey = method === 'POST' && !control ? header(req, 'idempotency-key') : undefined;
    const fingerprint = `${method} ${url.pathname}\n${rawBody}`;
    if (idempotencyKey) {
      headers['idempotency-key'] = idempotencyKey;
      const saved = account.idempotency.get(idempotencyKey);
      if (saved && saved.fingerprint !== fingerprint) throw StripeApiError.idempotencyConflict(idempotencyKey);
      if (saved?.status === IN_PROGRESS) {
        throw new StripeApiError(
          409,
          'idempotency_error',
          `There is currently another in-progress request using this Idempotent Key: ${idempotencyKey}. Please try again later.`,
          'idempotency_key_in_use',
        );
      }
      if (saved)
        return send(
          res,
          saved.status,
          { ...headers, 'content-type': 'application/json', 'idempotent-replayed': 'true' },
          saved.body,
        );
      account.idempotency.set(idempotencyKey, { fingerprint, status: IN_PROGRESS, body: '' });
      pending = { account, key: idempotencyKey, fingerprint };
    }

    const params = new StripeParams(form);
    const result = structuredClone(
      await match.route.handle({
        account,
        params,
        path: match.path,
        url: url.pathname,
        cause: { id: requestId, idempotency_key: idempotencyKey ?? null },
      }),
    );
    expandResponse(account, result, params.strings('expand'));
    const body = JSON.stringify(result, null, 2);
    if (pending) account.idempotency.set(pending.key, { fingerprint, status: 200, body });
    pending = undefined;
    return send(res, 200, { ...headers, 'content-type': 'application/json' }, body);
  } catch (error) {
    const apiError = error instanceof StripeApiError ? error : unexpected(error);
    // As at Stripe, a request that ran (a declined card) keeps its answer under its key; one refused before running does not.
    if (pending && apiError.type === 'card_error') {
      const body = JSON.stringify(apiError.toEnvelope(), null, 2);
      pending.account.idempotency.set(pending.key, { fingerprint: pending.fingerprint, status: apiError.status, body });
      return send(res, apiError.status, { ...headers, 'content-type': 'application/json' }, body);
    }
    if (pending) pending.account.idempotency.delete(pending.key);
    return sendJson(res, apiError.status, headers, apiError.toEnvelope());
  }
}

function unexpected(error: unknown): StripeApiError {
  console.error('fake Stripe failed on a request', error);
  return new StripeApiError(
    500,
    'api_error',
    `The fake Stripe failed: ${error instanceof Error ? error.message : String(error)}`,
  );
}

/** The account of `Authorization: Bearer sk_...` (or Basic with the key as user name). */
function authenticate(store: StripeStore, authorization: string | undefined): StripeAccount {
  const key = secretKeyOf(authorization);
  if (!key) {
    throw StripeApiError.unauthenticated(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
    );
  }
  const account = store.account(key);
  if (!account)
    throw StripeApiError.unauthenticated(
      `Invalid API Key provided: ${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`,
    );
  return account;
}

function secretKeyOf(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  const [scheme, value] = authorization.split(' ', 2);
  if (!value) return undefined;
  if (scheme.toLowerCase() === 'bearer') return value.trim();
  if (scheme.toLowerCase() === 'basic') return Buffer.from(value, 'base64').toString('utf8').split(':')[0] || undefined;
  return undefined;
}

/** Query string and body together, the body (form or JSON) winning. */
function decodeParams(req: IncomingMessage, url: URL, rawBody: string): FormObject {
  const query = parseFormBody(url.search.slice(1));
  if (rawBody === '') return query;
  const json = (header(req, 'content-type') ?? '').includes('application/json');
  if (!json) return { ...query, ...parseFormBody(rawBody) };
  try {
    const decoded = formValueFromJson(JSON.parse(rawBody));
    if (typeof decoded === 'string' || Array.isArray(decoded)) throw new Error('not an object');
    return { ...query, ...decoded };
  } catch {
    throw StripeApiError.invalidState('Invalid JSON body.');
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, headers: Record<string, string>, body: unknown): void {
  send(res, status, { ...headers, 'content-type': 'application/json' }, JSON.stringify(body, null, 2));
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}
