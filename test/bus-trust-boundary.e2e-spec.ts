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
  RpcContract,
} from '@libs/contracts';
import { FakeStripe, startFakeStripe } from './stripe-fake';
import { createAgency, TestAgency } from './support/agencies';
import { Api } from './support/api';
import { linkStripe } from './support/subscription-fixtures';
import { TestSuite } from './support/test-suite';

/** The bus as a trust boundary: who may connect, publish, serve, listen and speak for whom. */
describe('message bus trust boundary', () => {
  let fake: FakeStripe;
  let suite: TestSuite;
  let agency: TestAgency;
  const opened: NatsConnection[] = [];

  beforeAll(async () => {
    fake = await startFakeStripe();
    suite = await TestSuite.start(['gateway', 'subscriptions', 'finance']);
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
});
