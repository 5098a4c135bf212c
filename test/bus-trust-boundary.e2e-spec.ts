import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, headers as natsHeaders, Msg, NatsConnection } from '@nats-io/transport-node';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { CallerSigner, connectNats } from '@libs/common';
import {
  ConfigureStripeAccount,
  EntitlementChanged,
  GetStripeAccount,
  ListAccounts,
  MessageHeader,
  RelayStripeRequest,
  RpcContract,
  SERVICE_ROLES,
} from '@libs/contracts';
import { FakeStripe, startFakeStripe } from './stripe-fake';
import { createAgency, TestAgency } from './support/agencies';
import { Api } from './support/api';
import { createMonthlyPlan, linkStripe, openCheckout } from './support/subscription-fixtures';
import { TestSuite } from './support/test-suite';

/** The bus as a trust boundary: who may connect, publish, serve, listen and speak for whom. */
describe('message bus trust boundary', () => {
  let fake: FakeStripe;
  let suite: TestSuite;
  let agency: TestAgency;
  const opened: NatsConnection[] = [];

  beforeAll(async () => {
    fake = await startFakeStripe();
    suite = await TestSuite.start(['gateway', 'subscriptions', 'payments', 'finance'], { STRIPE_API_URL: fake.url });
    const api = new Api(await suite.gatewayUrl());
    agency = await createAgency(api, suite.operatorToken);
  });

  afterAll(async () => {
    await Promise.all(opened.map((nc) => nc.close().catch(() => undefined)));
    await suite?.close();
    await fake?.close();
  });

  async function as(service: 'gateway' | 'subscriptions' | 'finance' | 'paywall'): Promise<NatsConnection> {
    const { user, password } = suite.nats.credentialsOf(service);
    const nc = await connectNats(suite.nats.address, `test-as-${service}`, { user, password });
    opened.push(nc);
    return nc;
  }

  /** Sends a request the way a service would, with whatever caller header the test chooses. */
  async function rpc(
    nc: NatsConnection,
    contract: RpcContract<unknown, unknown>,
    payload: object,
    caller: Record<string, string>,
  ): Promise<{ response?: unknown; err?: { code: string; message: string } }> {
    const h = natsHeaders();
    for (const [name, value] of Object.entries(caller)) h.set(name, value);
    const reply = await nc.request(
      contract.subject,
      JSON.stringify({ pattern: contract.subject, data: payload, id: randomUUID() }),
      { timeout: 5000, headers: h },
    );
    return reply.json();
  }

  it('refuses a client without credentials, or with a wrong password', async () => {
    await expect(connect({ servers: suite.nats.address, reconnect: false })).rejects.toThrow(/authorization/i);
    await expect(
      connect({ servers: suite.nats.address, user: 'finance', pass: 'not-the-password', reconnect: false }),
    ).rejects.toThrow(/authorization/i);
  });

  it('lets a service publish only its own events: finance cannot grant free access, the gateway cannot book money', async () => {
    const envelope = { id: randomUUID(), tenantId: agency.tenantId, data: {} };
    await expect(
      jetstream(await as('finance')).publish(EntitlementChanged.subject, JSON.stringify(envelope)),
    ).rejects.toThrow(/permission/i);
    await expect(
      jetstream(await as('gateway')).publish('evt.advertising.booking.paid.v1', JSON.stringify(envelope)),
    ).rejects.toThrow(/permission/i);
    // Nothing reached the stream a consumer would read.
    const counter = await connectNats(suite.nats.url, 'test-count');
    opened.push(counter);
    const jsm = await jetstreamManager(counter);
    const stream = await jsm.streams.info('EVT_SUBSCRIPTIONS', { subjects_filter: EntitlementChanged.subject });
    expect(stream.state.subjects?.[EntitlementChanged.subject] ?? 0).toBe(0);
  });

  it('lets a service request only what it calls: finance cannot reconfigure Stripe', async () => {
    const finance = await as('finance');
    await expect(rpc(finance, ConfigureStripeAccount as RpcContract<unknown, unknown>, {}, {})).rejects.toThrow(
      /permission/i,
    );
  });

  it('lets a service answer only into the inboxes of its callers: the paywall cannot feed finance a forged reply', async () => {
    const paywall = await as('paywall');
    await expect(paywall.request('_INBOX_finance.forged', '{}', { timeout: 2000 })).rejects.toThrow(/permission/i);
  });

  it("lets no service listen on another's requests or replies", async () => {
    for (const subject of [ConfigureStripeAccount.subject, '_INBOX_gateway.>', '_INBOX.>']) {
      const paywall = await as('paywall');
      const listener = paywall.subscribe(subject);
      await expect(listener.closed).resolves.toBeInstanceOf(Error);
    }
  });

  it('refuses a request whose caller is only claimed in headers, or signed by whom may not say so', async () => {
    // The operator may reach every subject: only the signature decides who it speaks for.
    const operator = await connectNats(suite.nats.url, 'test-operator');
    opened.push(operator);
    const claimed = { 'x-tenant-id': agency.tenantId, 'x-actor': 'intruder', 'x-actor-roles': 'admin' };
    const unsigned = await rpc(operator, ListAccounts as RpcContract<unknown, unknown>, {}, claimed);
    expect(unsigned.err).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/no signed caller/) });

    const stranger = generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' });
    const forged = new CallerSigner('gateway', stranger.toString('base64'));
    const caller = { tenantId: agency.tenantId, actor: 'intruder', roles: ['admin'], requestId: randomUUID() };
    const byStranger = await rpc(
      operator,
      ListAccounts as RpcContract<unknown, unknown>,
      {},
      {
        [MessageHeader.caller]: forged.sign(caller),
      },
    );
    expect(byStranger.err).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/does not verify/) });

    // Finance's own key is known, but finance speaks only for its import job, not for an admin.
    const finance = new CallerSigner('finance', suite.callerSigningKeyOf('finance'));
    const overreach = await rpc(
      operator,
      GetStripeAccount as RpcContract<unknown, unknown>,
      {},
      {
        [MessageHeader.caller]: finance.sign(caller),
      },
    );
    expect(overreach.err).toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/may not speak for role admin/),
    });

    const expired = new CallerSigner('gateway', suite.callerSigningKeyOf('gateway'), () => Date.now() - 60_000);
    const late = await rpc(
      operator,
      ListAccounts as RpcContract<unknown, unknown>,
      {},
      {
        [MessageHeader.caller]: expired.sign(caller),
      },
    );
    expect(late.err).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/expired/) });

    // The same caller, signed by the gateway's key, is served: the refusals above were the signature's.
    const gateway = new CallerSigner('gateway', suite.callerSigningKeyOf('gateway'));
    const served = await rpc(
      operator,
      ListAccounts as RpcContract<unknown, unknown>,
      {},
      {
        [MessageHeader.caller]: gateway.sign(caller),
      },
    );
    expect(served.err ?? null).toBeNull();
  });

  it('never carries a Stripe secret over the bus in clear', async () => {
    const operator = await connectNats(suite.nats.url, 'test-tap');
    opened.push(operator);
    const seen: Msg[] = [];
    const tap = operator.subscribe(ConfigureStripeAccount.subject, { callback: (_error, msg) => void seen.push(msg) });
    await operator.flush();
    const linked = await linkStripe(agency, fake, await suite.gatewayUrl());
    tap.unsubscribe();
    expect(seen).toHaveLength(1);
    const carried = seen[0].string();
    expect(carried).not.toContain(linked.stripeKey);
    expect(carried).not.toContain(linked.webhookSecret);
    expect(carried).not.toContain(linked.stripeKey.slice(8));
    const view = await agency.api.get<{ configured: boolean; keyLast4: string }>('/v1/subscriptions/stripe-account');
    expect(view.body).toMatchObject({ configured: true, keyLast4: linked.stripeKey.slice(-4) });
  });

  it('never carries a Stripe key on the bus when subscriptions calls Stripe through payments', async () => {
    const linked = await linkStripe(
      await createAgency(new Api(await suite.gatewayUrl()), suite.operatorToken),
      fake,
      await suite.gatewayUrl(),
    );
    const operator = await connectNats(suite.nats.url, 'test-tap-relay');
    opened.push(operator);
    const seen: Msg[] = [];
    const tap = operator.subscribe(`${RelayStripeRequest.subject}`, { callback: (_error, msg) => void seen.push(msg) });
    const replies = operator.subscribe('_INBOX_subscriptions.>', { callback: (_error, msg) => void seen.push(msg) });
    await operator.flush();
    const plan = await createMonthlyPlan(linked);
    await openCheckout(linked, plan.planId, { readerId: 'relay-reader' });
    tap.unsubscribe();
    replies.unsubscribe();
    const requests = seen.filter((msg) => msg.subject === RelayStripeRequest.subject);
    expect(requests.map((msg) => msg.json<{ data: { path: string } }>().data.path)).toContain('/v1/checkout/sessions');
    for (const msg of seen) {
      expect(msg.string()).not.toContain(linked.stripeKey);
      expect(msg.string()).not.toContain(linked.webhookSecret);
    }
  });

  it("lets only subscriptions' billing reach Stripe through payments, and only Stripe Billing's resources", async () => {
    const linked = await linkStripe(
      await createAgency(new Api(await suite.gatewayUrl()), suite.operatorToken),
      fake,
      await suite.gatewayUrl(),
    );
    const operator = await connectNats(suite.nats.url, 'test-relay-refusals');
    opened.push(operator);
    const relay = RelayStripeRequest as RpcContract<unknown, unknown>;
    const billing = {
      tenantId: linked.tenantId,
      actor: 'subscriptions:stripe-billing',
      roles: [SERVICE_ROLES.stripeBilling],
      requestId: randomUUID(),
    };
    const subscriptions = new CallerSigner('subscriptions', suite.callerSigningKeyOf('subscriptions'));
    const payout = { method: 'POST', path: '/v1/payouts', body: 'amount=1000000&currency=vnd' };
    const refused = await rpc(operator, relay, payout, { [MessageHeader.caller]: subscriptions.sign(billing) });
    expect(refused.err).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/\/v1\/payouts/) });
    // An admin's key through the gateway cannot reach the relay at all.
    const gateway = new CallerSigner('gateway', suite.callerSigningKeyOf('gateway'));
    const asAdmin = await rpc(
      operator,
      relay,
      { method: 'GET', path: '/v1/customers', body: '' },
      { [MessageHeader.caller]: gateway.sign({ ...billing, actor: 'api-key', roles: ['admin'] }) },
    );
    expect(asAdmin.err).toMatchObject({ code: 'forbidden' });
    expect(fake.apiRequests(linked.stripeKey).filter((r) => r.path.startsWith('/v1/payouts'))).toEqual([]);
    // A Billing read, signed as subscriptions' billing, is served with the agency's account.
    const served = await rpc(
      operator,
      relay,
      { method: 'GET', path: '/v1/customers?limit=1', body: '' },
      { [MessageHeader.caller]: subscriptions.sign(billing) },
    );
    expect(served.response).toMatchObject({ status: 200 });
  });
});
