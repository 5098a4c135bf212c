import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import { DataSource } from 'typeorm';
import { CredentialCipher } from '@libs/common';
import { eventually } from '@libs/testing';
import { RailNotificationServer } from '../apps/payments/src/notifications/rail-notification-server';
import { SubscriptionsEnv } from '../apps/subscriptions/src/config/subscriptions.config';
import { FakeStripe, startFakeStripe } from './stripe-fake';
import { createAgency, TestAgency } from './support/agencies';
import { Api } from './support/api';
import { createMonthlyPlan, linkStripe, openCheckout } from './support/subscription-fixtures';
import { TestSuite } from './support/test-suite';

const alnum = (n: number) => randomBytes(n).toString('hex').slice(0, n);

/**
 * Stripe accounts subscriptions held before payments owned Stripe: handed over once at start,
 * used from payments afterwards, and never overriding an account the agency configured since.
 */
describe('Stripe accounts handed over from subscriptions to payments', () => {
  let fake: FakeStripe;
  let suite: TestSuite;
  let db: DataSource;
  let gatewayUrl: string;

  beforeAll(async () => {
    fake = await startFakeStripe();
    suite = await TestSuite.start(['gateway', 'subscriptions', 'payments'], { STRIPE_API_URL: fake.url });
    gatewayUrl = await suite.gatewayUrl();
    db = await new DataSource({ type: 'postgres', url: suite.database.url }).initialize();
  });

  afterAll(async () => {
    await db?.destroy();
    await suite?.close();
    await fake?.close();
  });

  /** Writes an account the way subscriptions stored it before: sealed with its CREDENTIALS_KEY. */
  async function heldBySubscriptions(agency: TestAgency): Promise<{ secretKey: string; webhookSecret: string }> {
    const secretKey = fake.addAccount(`sk_test_${alnum(24)}`);
    const webhookSecret = `whsec_${alnum(32)}`;
    const cipher = new CredentialCipher((suite.envOf('subscriptions') as SubscriptionsEnv).CREDENTIALS_KEY);
    await db.query(
      `INSERT INTO subscriptions.stripe_accounts (tenant_id, secret_key_sealed, webhook_secret_sealed, mode, key_last4)
       VALUES ($1, $2, $3, 'test', $4)`,
      [
        agency.tenantId,
        cipher.encrypt(secretKey, agency.tenantId),
        cipher.encrypt(webhookSecret, agency.tenantId),
        secretKey.slice(-4),
      ],
    );
    return { secretKey, webhookSecret };
  }

  const stillHeld = async (): Promise<number> =>
    Number((await db.query<{ count: string }[]>('SELECT count(*) FROM subscriptions.stripe_accounts'))[0].count);

  it('hands each account over at start; payments then bills and verifies webhooks with it', async () => {
    const held = await createAgency(new Api(gatewayUrl), suite.operatorToken);
    const heldAccount = await heldBySubscriptions(held);
    // An agency that configured Stripe anew since: its new account wins over the one held before.
    const reconfigured = await createAgency(new Api(gatewayUrl), suite.operatorToken);
    const stale = await heldBySubscriptions(reconfigured);
    const current = await linkStripe(reconfigured, fake, gatewayUrl);
    expect(await stillHeld()).toBe(2);

    await suite.stopService('subscriptions');
    await suite.startInstance('subscriptions');
    await eventually(async () => expect(await stillHeld()).toBe(0));

    const heldView = await held.api.get<{ configured: boolean; keyLast4: string }>('/v1/subscriptions/stripe-account');
    expect(heldView.body).toMatchObject({ configured: true, keyLast4: heldAccount.secretKey.slice(-4) });
    const currentView = await reconfigured.api.get<{ keyLast4: string }>('/v1/subscriptions/stripe-account');
    expect(currentView.body.keyLast4).toBe(current.stripeKey.slice(-4));
    expect(currentView.body.keyLast4).not.toBe(stale.secretKey.slice(-4));

    // The handed-over key is the one Stripe is called with: the checkout lands in that account.
    const plan = await createMonthlyPlan(held);
    await openCheckout(held, plan.planId, { readerId: 'handed-over-reader' });
    expect(fake.apiRequests(heldAccount.secretKey).map((r) => `${r.method} ${r.path}`)).toContain(
      'POST /v1/checkout/sessions',
    );
    expect(fake.apiRequests(stale.secretKey)).toEqual([]);

    // And its signing secret verifies the agency's webhooks where payments receives them.
    const body = JSON.stringify({
      id: 'evt_handed_over_1',
      object: 'event',
      type: 'customer.updated',
      created: Math.floor(Date.now() / 1000),
      data: { object: { id: 'cus_handed_over', object: 'customer', email: 'doc-gia@example.vn' } },
    });
    const notificationUrl = suite.instances('payments')[0].get(RailNotificationServer).url;
    const answer = await fetch(`${notificationUrl}/v1/notifications/stripe/${held.tenantId}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'stripe-signature': Stripe.webhooks.generateTestHeaderString({
          payload: body,
          secret: heldAccount.webhookSecret,
        }),
      },
      body,
    });
    expect(answer.status).toBe(200);
    await eventually(async () => {
      const [row] = await db.query<{ processed_at: Date | null }[]>(
        `SELECT processed_at FROM subscriptions.provider_notifications WHERE provider_notification_id = 'evt_handed_over_1'`,
      );
      expect(row?.processed_at).toBeInstanceOf(Date);
    });
  });

  it('keeps the account held until payments can take it, then hands it over', async () => {
    const agency = await createAgency(new Api(gatewayUrl), suite.operatorToken);
    await suite.stopService('payments');
    const account = await heldBySubscriptions(agency);
    await suite.stopService('subscriptions');
    await suite.startInstance('subscriptions');
    // Payments is down: nothing is lost, the row stays.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await stillHeld()).toBe(1);

    await suite.startInstance('payments');
    await suite.stopService('subscriptions');
    await suite.startInstance('subscriptions');
    await eventually(async () => expect(await stillHeld()).toBe(0));
    const view = await agency.api.get<{ keyLast4: string }>('/v1/subscriptions/stripe-account');
    expect(view.body.keyLast4).toBe(account.secretKey.slice(-4));
  });
});
