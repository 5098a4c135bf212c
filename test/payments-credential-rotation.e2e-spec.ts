import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { PaymentAttemptView, PaymentView, SavedTokenListResponse } from '@libs/contracts';
import { eventually } from '@libs/testing';
import { FakeMomo, startFakeMomo } from './momo-fake/fake-momo';
import { createAgency, TestAgency } from './support/agencies';
import { Api } from './support/api';
import { TestSuite } from './support/test-suite';

const PAYER = 'an@example.vn';
const SEALED_BY_NEW = 'cc2:\x03new';

describe('CREDENTIALS_KEY rotation in payments', () => {
  const oldKey = randomBytes(32).toString('base64');
  const newKey = randomBytes(32).toString('base64');
  let momo: FakeMomo;
  let suite: TestSuite;
  let api: Api;
  let db: Client;
  let agency: TestAgency;
  let sequence = 0;
  const env: Record<string, string> = {};

  const restartPaymentsWith = async (credentialsKey: string) => {
    env.CREDENTIALS_KEY = credentialsKey;
    await suite.stopService('payments');
    await suite.startInstance('payments');
  };

  const sealedPrefixes = async () => {
    const account = await db.query<{ sealed: Buffer }>(
      'SELECT credentials_sealed AS sealed FROM payments.rail_accounts WHERE tenant_id = $1',
      [agency.tenantId],
    );
    const tokens = await db.query<{ sealed: Buffer }>(
      'SELECT token_sealed AS sealed FROM payments.saved_tokens WHERE tenant_id = $1',
      [agency.tenantId],
    );
    return [...account.rows, ...tokens.rows].map((row) => row.sealed.subarray(0, 8).toString('latin1'));
  };

  async function askForPayment(overrides: Record<string, unknown> = {}): Promise<PaymentView> {
    sequence += 1;
    const response = await agency.api.post<PaymentView>('/v1/payments/payments', {
      amount: '99000',
      currency: 'VND',
      purpose: { stream: 'direct', reference: `rotation-${sequence}`, description: 'Gói đọc 1 tháng' },
      buyer: null,
      returnUrl: 'https://bao.example.vn/cam-on',
      ...overrides,
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  const startAttempt = (payment: PaymentView) => {
    const link = new URL(payment.payPageUrl);
    return api.post<PaymentAttemptView>(`${link.pathname}/attempts`, {
      token: link.searchParams.get('token'),
      rail: 'momo',
      locale: 'vi',
    });
  };

  beforeAll(async () => {
    momo = await startFakeMomo();
    Object.assign(env, { PAYMENT_RAIL_URLS: `momo=${momo.url}`, CREDENTIALS_KEY: oldKey });
    suite = await TestSuite.start(['gateway', 'payments'], env);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
    api = new Api(await suite.gatewayUrl());
    agency = await createAgency(api, suite.operatorToken);
    await eventually(async () => {
      const configured = await agency.api.put('/v1/payments/accounts/momo', {
        environment: 'sandbox',
        enabled: true,
        savesWallets: true,
        credentials: momo.merchant(),
      });
      expect(configured.status).toBe(200);
    });
  });

  afterAll(async () => {
    await db?.end();
    await suite?.close();
    await momo?.close();
  });

  it('seals rail credentials and saved wallets again with the new key, and keeps using them', async () => {
    // Sealed by the old key: the account, and a wallet saved by a first payment.
    const first = await askForPayment({ saveTokenFor: PAYER });
    await momo.pay((await startAttempt(first)).body);
    await eventually(async () => expect(await sealedPrefixes()).toHaveLength(2));
    const linkBeforeRotation = await askForPayment();

    await restartPaymentsWith(`new:${newKey},old:${oldKey}`);
    await eventually(async () => expect(await sealedPrefixes()).toEqual([SEALED_BY_NEW, SEALED_BY_NEW]));
    // A pay link sent before the rotation still opens while the old key is listed.
    expect((await startAttempt(linkBeforeRotation)).status).toBe(200);

    // Once sealed again, the old key can leave the list: the account still signs, the wallet still charges.
    await restartPaymentsWith(`new:${newKey}`);
    const second = await askForPayment();
    expect((await startAttempt(second)).status).toBe(200);
    const wallets = await agency.api.get<SavedTokenListResponse>(
      `/v1/payments/saved-tokens?payerKey=${encodeURIComponent(PAYER)}`,
    );
    const renewal = await askForPayment();
    const charged = await agency.api.post<PaymentView>(`/v1/payments/payments/${renewal.id}/saved-token-charges`, {
      savedTokenId: wallets.body.items[0].id,
    });
    expect(charged.body).toMatchObject({ status: 'succeeded' });
  });
});
