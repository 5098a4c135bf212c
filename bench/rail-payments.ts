import { randomBytes } from 'node:crypto';
import { PaymentAccountView, PaymentAttemptView, PaymentRailName, PaymentView } from '@libs/contracts';
import { RailFake, RailNotification } from '../test/support/rail-fake';

/** An agency with an account on one rail, as its admin set it up through the gateway. */
export interface RailAgency {
  tenantId: string;
  rail: PaymentRailName;
  adminKey: string;
}

/** A payment its payer paid on the rail, whose notification the rail has not sent yet. */
export interface PaidPayment {
  paymentId: string;
  tenantId: string;
  rail: PaymentRailName;
  notification: RailNotification;
}

/** Milliseconds spent in each step of setting payments up, summed over all of them. */
export interface SetupSpent {
  create: number;
  attempt: number;
  pay: number;
}

export type Gateway = <T>(method: string, path: string, body: unknown, bearer?: string) => Promise<T>;

/** Calls the gateway as a client of the suite would (an API key, or none); anything but 2xx throws with the answer. */
export function gatewayAt(baseUrl: string): Gateway {
  return async <T>(method: string, path: string, body: unknown, bearer?: string): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const parsed: unknown = await response.json().catch(() => null);
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(parsed)}`);
    return parsed as T;
  };
}

/**
 * A new agency with an account on the fake's rail, once the payments service and finance have
 * provisioned it (the account is refused until payments knows the agency).
 */
export async function agencyOn(gateway: Gateway, operatorToken: string, fake: RailFake): Promise<RailAgency> {
  const slug = `bench-${fake.rail}-${randomBytes(4).toString('hex')}`;
  const created = await gateway<{ tenant: { id: string }; adminApiKey: { secret: string } }>(
    'POST',
    '/v1/tenants',
    { name: `Báo ${slug}`, slug },
    operatorToken,
  );
  const agency = { tenantId: created.tenant.id, rail: fake.rail, adminKey: created.adminApiKey.secret };
  const credentials = fake.merchant();
  const account = await until(() =>
    gateway<PaymentAccountView>(
      'PUT',
      `/v1/payments/accounts/${fake.rail}`,
      { environment: 'sandbox', enabled: true, credentials },
      agency.adminKey,
    ),
  );
  fake.setNotificationUrl(credentials, account.notificationUrl);
  await until(async () => {
    const chart = await gateway<{ items: unknown[] }>('GET', '/v1/finance/accounts', undefined, agency.adminKey);
    if (chart.items.length === 0) throw new Error('finance has no chart of accounts for the agency yet');
  });
  return agency;
}

/**
 * Payment `n` of the agency, asked for through the gateway; its payer opens the pay link, picks
 * the rail and pays, and the fake rail keeps its notification (none is sent).
 */
export async function paidPayment(
  gateway: Gateway,
  agency: RailAgency,
  fake: RailFake,
  n: number,
  spent: SetupSpent,
): Promise<PaidPayment> {
  const timed = async <T>(step: keyof SetupSpent, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      spent[step] += performance.now() - started;
    }
  };
  const payment = await timed('create', () =>
    gateway<PaymentView>(
      'POST',
      '/v1/payments/payments',
      {
        amount: String(20_000 + (n % 50) * 1_000),
        currency: 'VND',
        purpose: { stream: 'direct', reference: `bench-${n}`, description: 'Gói đọc báo điện tử 1 tháng' },
        buyer: null,
        returnUrl: 'https://bao.example.vn/cam-on',
        expiresInMinutes: 1_440,
      },
      agency.adminKey,
    ),
  );
  const link = new URL(payment.payPageUrl);
  const attempt = await timed('attempt', () =>
    gateway<PaymentAttemptView>('POST', `${link.pathname}/attempts`, {
      token: link.searchParams.get('token'),
      rail: agency.rail,
      locale: 'vi',
    }),
  );
  await timed('pay', () => fake.pay(attempt, { notifications: 0 }));
  return {
    paymentId: payment.id,
    tenantId: agency.tenantId,
    rail: agency.rail,
    notification: fake.notificationFor(attempt),
  };
}

/** Retries `work` every 100 ms for up to 30 s (what another service learns by an event arrives a little later). */
async function until<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= 300) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
