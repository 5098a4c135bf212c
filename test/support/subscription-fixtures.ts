import { randomBytes } from 'node:crypto';
import { FakeStripe, startFakeStripe } from '../stripe-fake';
import { createAgency, TestAgency } from './agencies';
import { Api } from './api';
import { JetStreamProbe } from './jetstream';
import { TestSuite } from './test-suite';

export interface StripeLinkedAgency extends TestAgency {
  stripeKey: string;
  webhookSecret: string;
  webhookUrl: string;
}

const alnum = (n: number) => randomBytes(n).toString('hex').slice(0, n);

/** Gives the agency a Stripe account at the fake, stored through the API, with its webhook set up. */
export async function linkStripe(
  agency: TestAgency,
  fake: FakeStripe,
  gatewayUrl: string,
): Promise<StripeLinkedAgency> {
  const stripeKey = fake.addAccount(`sk_test_${alnum(24)}`);
  const webhookSecret = `whsec_${alnum(32)}`;
  const configured = await agency.api.send('PUT', '/v1/subscriptions/stripe-account', {
    secretKey: stripeKey,
    webhookSecret,
  });
  if (configured.status !== 200)
    throw new Error(`configuring Stripe answered ${configured.status}: ${JSON.stringify(configured.body)}`);
  const webhookUrl = `${gatewayUrl}/v1/webhooks/stripe/${agency.tenantId}`;
  fake.setWebhookEndpoint(stripeKey, webhookUrl, webhookSecret);
  return { ...agency, stripeKey, webhookSecret, webhookUrl };
}

export interface MonthlyPlan {
  productId: string;
  planId: string;
  priceId: string;
}

/** A product granting `premium-articles` and `ad-free`, and a monthly plan at 99,000 VND (each overridable). */
export async function createMonthlyPlan(
  agency: TestAgency,
  overrides: Record<string, unknown> = {},
  productOverrides: Record<string, unknown> = {},
): Promise<MonthlyPlan> {
  const product = await agency.api.post<{ id: string }>('/v1/subscriptions/products', {
    name: 'Báo điện tử Premium',
    productType: 'digital-subscription',
    entitlements: ['premium-articles', 'ad-free'],
    ...productOverrides,
  });
  if (product.status !== 201) throw new Error(`product: ${product.status} ${JSON.stringify(product.body)}`);
  const plan = await agency.api.post<{ id: string; currentPrice: { id: string } }>('/v1/subscriptions/plans', {
    productId: product.body.id,
    name: 'Hằng tháng',
    interval: 'month',
    intervalCount: 1,
    unitAmount: '99000',
    ...overrides,
  });
  if (plan.status !== 201) throw new Error(`plan: ${plan.status} ${JSON.stringify(plan.body)}`);
  return { productId: product.body.id, planId: plan.body.id, priceId: plan.body.currentPrice.id };
}

/** Opens a checkout through the gateway and answers the provider's session id. */
export async function openCheckout(
  agency: TestAgency,
  planId: string,
  reader: Record<string, string>,
  reference?: string,
): Promise<string> {
  const response = await agency.api.post<{ id: string; url: string }>('/v1/subscriptions/checkout-sessions', {
    planId,
    ...reader,
    reference,
    successUrl: 'https://tinnhanh.vn/cam-on',
    cancelUrl: 'https://tinnhanh.vn/goi-cuoc',
  });
  if (response.status !== 201) throw new Error(`checkout: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id;
}

/** The fake Stripe, the gateway and subscriptions services, an event probe, and one Stripe-linked agency. */
export interface StripeWorld {
  fake: FakeStripe;
  suite: TestSuite;
  probe: JetStreamProbe;
  gatewayUrl: string;
  agency: StripeLinkedAgency;
  close(): Promise<void>;
}

export async function startStripeWorld(
  env: Record<string, string> = {},
  alsoStart: ('paywall' | 'finance')[] = [],
): Promise<StripeWorld> {
  const fake = await startFakeStripe();
  const suite = await TestSuite.start(['gateway', 'subscriptions', 'payments', ...alsoStart], {
    STRIPE_API_URL: fake.url,
    ...env,
  }).catch(async (error: unknown) => {
    await fake.close();
    throw error;
  });
  const probe = await JetStreamProbe.connect(suite.nats.url);
  const gatewayUrl = await suite.gatewayUrl();
  const agency = await linkStripe(await createAgency(new Api(gatewayUrl), suite.operatorToken), fake, gatewayUrl);
  return {
    fake,
    suite,
    probe,
    gatewayUrl,
    agency,
    close: async () => {
      await probe.close();
      await suite.close();
      await fake.close();
    },
  };
}
