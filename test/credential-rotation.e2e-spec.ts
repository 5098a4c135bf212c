import { createCipheriv, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { eventually } from '@libs/testing';
import { FakeStripe, startFakeStripe } from './stripe-fake';
import { createAgency } from './support/agencies';
import { Api } from './support/api';
import { createMonthlyPlan, linkStripe, StripeLinkedAgency } from './support/subscription-fixtures';
import { TestSuite } from './support/test-suite';

/** A secret as sealed before key ids and agency binding: `iv | tag | ciphertext`. */
function sealedTheOldWay(base64Key: string, plain: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(base64Key, 'base64'), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

describe('CREDENTIALS_KEY rotation (Stripe accounts, held by payments)', () => {
  const oldKey = randomBytes(32).toString('base64');
  const newKey = randomBytes(32).toString('base64');
  let fake: FakeStripe;
  let suite: TestSuite;
  let db: Client;
  let agency: StripeLinkedAgency;
  const env: Record<string, string> = {};

  const sealedRow = async () =>
    (
      await db.query<{ secret_key_sealed: Buffer; webhook_secret_sealed: Buffer }>(
        'SELECT secret_key_sealed, webhook_secret_sealed FROM payments.stripe_accounts WHERE tenant_id = $1',
        [agency.tenantId],
      )
    ).rows[0];
  const restartPaymentsWith = async (credentialsKey: string) => {
    env.CREDENTIALS_KEY = credentialsKey;
    await suite.stopService('payments');
    await suite.startInstance('payments');
  };

  beforeAll(async () => {
    fake = await startFakeStripe();
    Object.assign(env, { STRIPE_API_URL: fake.url, CREDENTIALS_KEY: oldKey });
    suite = await TestSuite.start(['gateway', 'subscriptions', 'payments'], env);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
    const gatewayUrl = await suite.gatewayUrl();
    agency = await linkStripe(await createAgency(new Api(gatewayUrl), suite.operatorToken), fake, gatewayUrl);
  });

  afterAll(async () => {
    await db?.end();
    await suite?.close();
    await fake?.close();
  });

  it('keeps secrets sealed the old way and by the old key readable, and seals them again with the new key', async () => {
    // As a row written before key ids: no key id, not bound to the agency.
    await db.query(
      'UPDATE payments.stripe_accounts SET secret_key_sealed = $2, webhook_secret_sealed = $3 WHERE tenant_id = $1',
      [agency.tenantId, sealedTheOldWay(oldKey, agency.stripeKey), sealedTheOldWay(oldKey, agency.webhookSecret)],
    );
    await restartPaymentsWith(`new:${newKey},old:${oldKey}`);

    // Creating a plan creates its price at the provider with the agency's (decrypted) secret key.
    await createMonthlyPlan(agency);
    await eventually(async () =>
      expect((await fake.sdk(agency.stripeKey).prices.list({ limit: 10 })).data).toHaveLength(1),
    );

    await eventually(async () => {
      const row = await sealedRow();
      expect(row.secret_key_sealed.subarray(0, 8).toString('latin1')).toBe('cc2:\x03new');
      expect(row.webhook_secret_sealed.subarray(0, 8).toString('latin1')).toBe('cc2:\x03new');
    });
    expect((await sealedRow()).secret_key_sealed.includes(Buffer.from(agency.stripeKey))).toBe(false);

    // Once sealed again, the old key can leave the list.
    await restartPaymentsWith(`new:${newKey}`);
    await createMonthlyPlan(agency, { name: 'Hằng năm', interval: 'year' });
    await eventually(async () =>
      expect((await fake.sdk(agency.stripeKey).prices.list({ limit: 10 })).data).toHaveLength(2),
    );
  });
});
