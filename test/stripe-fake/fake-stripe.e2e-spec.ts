import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { FakeStripe, startFakeStripe, WireEvent } from './index';

const MONTH = { interval: 'month' } as const;

interface ReceivedWebhook {
  rawBody: string;
  signature: string;
}

/** A tiny webhook receiver: keeps each raw body and signature, answers `status`. */
async function startReceiver(
  status = 200,
): Promise<{ url: string; received: ReceivedWebhook[]; close(): Promise<void> }> {
  const received: ReceivedWebhook[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        rawBody: Buffer.concat(chunks).toString('utf8'),
        signature: String(req.headers['stripe-signature']),
      });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/stripe`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('fake Stripe, driven by the real stripe SDK', () => {
  let fake: FakeStripe;
  let secretKey: string;
  let stripe: Stripe;

  beforeAll(async () => {
    fake = await startFakeStripe();
    secretKey = fake.addAccount('sk_test_agency_one');
    stripe = fake.sdk(secretKey);
  });

  afterAll(() => fake?.close());

  async function vndPrice(unitAmount = 99_000, client = stripe): Promise<Stripe.Price> {
    const product = await client.products.create({ name: `Premium ${unitAmount}` });
    return client.prices.create({ product: product.id, currency: 'vnd', unit_amount: unitAmount, recurring: MONTH });
  }

  async function subscribe(
    price: Stripe.Price,
    extra: Partial<Stripe.Checkout.SessionCreateParams> = {},
    client = stripe,
  ) {
    const customer = await client.customers.create({
      email: `reader-${Math.random()}@example.vn`,
      name: 'Nguyễn Văn A',
    });
    const session = await client.checkout.sessions.create({
      mode: 'subscription',
      customer: customer.id,
      line_items: [{ price: price.id, quantity: 1 }],
      success_url: 'https://paper.example.vn/welcome?session={CHECKOUT_SESSION_ID}',
      cancel_url: 'https://paper.example.vn/plans',
      ...extra,
    });
    const completion = await fake.completeCheckout(session.id);
    const subscription = await client.subscriptions.retrieve(completion.object.subscription as string);
    return { customer, session, completion, subscription };
  }

  it('creates a VND catalogue, a customer and an open Checkout Session on the hosted page', async () => {
    const product = await stripe.products.create({ name: 'Báo Premium', metadata: { plan: 'premium' } });
    const price = await stripe.prices.create({
      product: product.id,
      currency: 'vnd',
      unit_amount: 99_000,
      recurring: { interval: 'month', interval_count: 1 },
      lookup_key: 'premium-monthly',
    });
    const customer = await stripe.customers.create({ email: 'reader@example.vn' });
    const session = await stripe.checkout.sessions.create({
      mode: 'subscription',
      customer: customer.id,
      client_reference_id: 'reader-42',
      line_items: [{ price: price.id, quantity: 1 }],
      metadata: { tenant: 'agency-one' },
      subscription_data: { metadata: { reader: '42' } },
      success_url: 'https://paper.example.vn/ok',
    });

    expect(product).toMatchObject({
      object: 'product',
      name: 'Báo Premium',
      metadata: { plan: 'premium' },
      livemode: false,
    });
    expect(product.id).toMatch(/^prod_/);
    expect(price).toMatchObject({
      object: 'price',
      currency: 'vnd',
      unit_amount: 99_000,
      type: 'recurring',
      recurring: { interval: 'month', interval_count: 1 },
      lookup_key: 'premium-monthly',
    });
    expect(String(price.unit_amount_decimal)).toBe('99000');
    expect(customer.id).toMatch(/^cus_/);
    expect(session).toMatchObject({
      object: 'checkout.session',
      mode: 'subscription',
      status: 'open',
      payment_status: 'unpaid',
      amount_total: 99_000,
      currency: 'vnd',
      client_reference_id: 'reader-42',
    });
    expect(session.id).toMatch(/^cs_test_/);
    expect(session.url).toBe(`${fake.url}/pay/${session.id}`);
    const withLines = await stripe.checkout.sessions.retrieve(session.id, { expand: ['line_items'] });
    expect(withLines.line_items?.data.map((line) => [line.price?.id, line.quantity, line.amount_total])).toEqual([
      [price.id, 1, 99_000],
    ]);
    expect((await stripe.prices.list({ product: product.id })).data.map((p) => p.id)).toEqual([price.id]);
    expect((await stripe.prices.list({ lookup_keys: ['premium-monthly'] })).data.map((p) => p.id)).toEqual([price.id]);
  });

  it('completes the checkout into an active subscription whose first invoice paid 99000 VND, fees on the balance transaction', async () => {
    const price = await vndPrice();
    const { session, completion, subscription } = await subscribe(price, {
      subscription_data: { metadata: { reader: '7' } },
    });

    expect(completion.events.map((event) => event.type)).toEqual([
      'checkout.session.completed',
      'customer.subscription.created',
      'invoice.created',
      'invoice.finalized',
      'charge.succeeded',
      'invoice.paid',
      'invoice.payment_succeeded',
    ]);
    const invoiceStatuses = completion.events
      .filter((event) => event.type.startsWith('invoice.'))
      .map((event) => (event.data.object as Stripe.Invoice).status);
    expect(invoiceStatuses).toEqual(['draft', 'open', 'paid', 'paid']);
    expect(completion.object).toMatchObject({
      status: 'complete',
      payment_status: 'paid',
      subscription: subscription.id,
    });
    expect(subscription).toMatchObject({
      status: 'active',
      currency: 'vnd',
      metadata: { reader: '7' },
      cancel_at_period_end: false,
    });
    expect(subscription.id).toMatch(/^sub_/);
    expect(subscription).not.toHaveProperty('current_period_end');
    const [item] = subscription.items.data;
    expect(item.id).toMatch(/^si_/);
    expect(item.price.id).toBe(price.id);
    expect(item.current_period_end - item.current_period_start).toBeGreaterThanOrEqual(28 * 86_400);

    const invoice = await stripe.invoices.retrieve(subscription.latest_invoice as string, { expand: ['payments'] });
    expect(invoice).toMatchObject({
      status: 'paid',
      currency: 'vnd',
      amount_due: 99_000,
      amount_paid: 99_000,
      amount_remaining: 0,
      total: 99_000,
      billing_reason: 'subscription_create',
    });
    expect(invoice.parent?.subscription_details?.subscription).toBe(subscription.id);
    expect(invoice.lines.data.map((line) => [line.amount, line.description])).toEqual([
      [99_000, '1 × Premium 99000 (at ₫99,000 / month)'],
    ]);
    expect(invoice).not.toHaveProperty('charge');
    const payment = invoice.payments!.data[0];
    expect(payment).toMatchObject({
      object: 'invoice_payment',
      status: 'paid',
      amount_paid: 99_000,
      payment: { type: 'payment_intent' },
    });

    const paymentIntent = await stripe.paymentIntents.retrieve(payment.payment.payment_intent as string, {
      expand: ['latest_charge.balance_transaction'],
    });
    const charge = paymentIntent.latest_charge as Stripe.Charge;
    const fees = charge.balance_transaction as Stripe.BalanceTransaction;
    expect(charge).toMatchObject({ amount: 99_000, currency: 'vnd', paid: true, status: 'succeeded' });
    expect(fees).toMatchObject({
      object: 'balance_transaction',
      amount: 99_000,
      fee: 3_366 + 2_000,
      net: 93_634,
      currency: 'vnd',
      type: 'charge',
      source: charge.id,
    });
    expect(await stripe.balanceTransactions.retrieve(fees.id)).toMatchObject({ fee: 5_366, net: 93_634 });
    expect(JSON.stringify([session, subscription, invoice, charge, fees])).not.toContain('9900000');

    const listed = await stripe.subscriptions.list({
      customer: subscription.customer as string,
      expand: ['data.customer', 'data.latest_invoice'],
    });
    expect(
      listed.data.map((sub) => [(sub.customer as Stripe.Customer).object, (sub.latest_invoice as Stripe.Invoice).id]),
    ).toEqual([['customer', invoice.id]]);
  });

  it('starts a trial with a free first invoice, then bills when the trial ends', async () => {
    const price = await vndPrice();
    const { completion, subscription } = await subscribe(price, { subscription_data: { trial_period_days: 7 } });
    expect(completion.object.payment_status).toBe('no_payment_required');
    expect(subscription).toMatchObject({ status: 'trialing' });
    expect(subscription.trial_end! - subscription.trial_start!).toBe(7 * 86_400);
    expect(subscription.items.data[0].current_period_end).toBe(subscription.trial_end);
    expect(await stripe.invoices.retrieve(subscription.latest_invoice as string)).toMatchObject({
      amount_due: 0,
      amount_paid: 0,
      status: 'paid',
    });

    const ended = await fake.endTrial(subscription.id);
    expect(ended.events.map((event) => event.type)).toEqual([
      'customer.subscription.trial_will_end',
      'invoice.created',
      'customer.subscription.updated',
      'invoice.finalized',
      'charge.succeeded',
      'invoice.paid',
      'invoice.payment_succeeded',
    ]);
    expect(ended.events[2].data.previous_attributes).toMatchObject({ status: 'trialing' });
    const active = await stripe.subscriptions.retrieve(subscription.id);
    expect(active.status).toBe('active');
    expect(await stripe.invoices.retrieve(active.latest_invoice as string)).toMatchObject({
      amount_paid: 99_000,
      billing_reason: 'subscription_cycle',
    });

    const canceled = await fake.cancelNow(subscription.id);
    expect(canceled.events.map((event) => event.type)).toEqual(['customer.subscription.deleted']);
    expect(canceled.object).toMatchObject({
      status: 'canceled',
      cancellation_details: { reason: 'cancellation_requested' },
    });
  });

  it('replays a POST sent again with its Idempotency-Key, and refuses the key with other params', async () => {
    const email = 'idempotent@example.vn';
    const first = await stripe.customers.create({ email }, { idempotencyKey: 'create-reader-1' });
    const again = await stripe.customers.create({ email }, { idempotencyKey: 'create-reader-1' });
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect((await stripe.customers.list({ email })).data).toHaveLength(1);

    await expect(
      stripe.customers.create({ email: 'someone-else@example.vn' }, { idempotencyKey: 'create-reader-1' }),
    ).rejects.toMatchObject({
      type: 'StripeIdempotencyError',
      statusCode: 400,
      raw: { type: 'idempotency_error' },
    });
    expect((await stripe.customers.list({ email: 'someone-else@example.vn' })).data).toHaveLength(0);
  });

  it('pages through lists newest first with limit and starting_after', async () => {
    const client = fake.sdk(fake.addAccount());
    const created: string[] = [];
    for (let i = 0; i < 5; i++) created.push((await client.products.create({ name: `Section ${i}` })).id);
    const newestFirst = [...created].reverse();

    const first = await client.products.list({ limit: 2 });
    expect(first).toMatchObject({ object: 'list', has_more: true, url: '/v1/products' });
    expect(first.data.map((p) => p.id)).toEqual(newestFirst.slice(0, 2));
    const second = await client.products.list({ limit: 2, starting_after: first.data[1].id });
    expect(second.data.map((p) => p.id)).toEqual(newestFirst.slice(2, 4));
    const last = await client.products.list({ limit: 2, starting_after: second.data[1].id });
    expect({ ids: last.data.map((p) => p.id), hasMore: last.has_more }).toEqual({
      ids: newestFirst.slice(4),
      hasMore: false,
    });
    expect((await client.products.list({ limit: 2, ending_before: last.data[0].id })).data.map((p) => p.id)).toEqual(
      newestFirst.slice(2, 4),
    );
    expect((await client.products.list({ limit: 2 }).autoPagingToArray({ limit: 10 })).map((p) => p.id)).toEqual(
      newestFirst,
    );
  });

  it('filters subscription and invoice lists by created, a timestamp or a range', async () => {
    const client = fake.sdk(fake.addAccount());
    const { subscription } = await subscribe(await vndPrice(99_000, client), {}, client);
    const at = subscription.created;
    const ids = async (created: Stripe.RangeQueryParam | number) => ({
      subscriptions: (await client.subscriptions.list({ status: 'all', created })).data.map((s) => s.id),
      invoices: (await client.invoices.list({ status: 'paid', created })).data.map((i) => i.id),
    });
    expect((await ids({ gte: at })).subscriptions).toEqual([subscription.id]);
    expect((await ids({ gte: at })).invoices).toHaveLength(1);
    expect(await ids({ gt: at + 60 })).toEqual({ subscriptions: [], invoices: [] });
    expect(await ids({ lt: at - 60 })).toEqual({ subscriptions: [], invoices: [] });
    expect((await ids({ gte: at - 60, lte: at + 60 })).subscriptions).toEqual([subscription.id]);
    await expect(client.invoices.list({ created: { after: at } as Stripe.RangeQueryParam })).rejects.toMatchObject({
      statusCode: 400,
      param: 'created[after]',
    });
  });

  it('filters refund, dispute and Checkout Session lists by created, and pages them', async () => {
    const client = fake.sdk(fake.addAccount());
    const chargeOf = async () => {
      const { session, subscription } = await subscribe(await vndPrice(99_000, client), {}, client);
      const [payment] = (await client.invoicePayments.list({ invoice: subscription.latest_invoice as string })).data;
      const intent = await client.paymentIntents.retrieve(payment.payment.payment_intent as string);
      return { session, chargeId: intent.latest_charge as string };
    };
    const [first, second] = [await chargeOf(), await chargeOf()];
    const refunds = [
      (await fake.refund(first.chargeId, 10_000)).object,
      (await fake.refund(first.chargeId, 20_000)).object,
    ];
    const dispute = (await fake.dispute(second.chargeId)).object;
    const at = Math.min(refunds[0].created, dispute.created, first.session.created);
    const ids = async (created: Stripe.RangeQueryParam) => ({
      refunds: (await client.refunds.list({ created })).data.map((r) => r.id),
      disputes: (await client.disputes.list({ created })).data.map((d) => d.id),
      sessions: (await client.checkout.sessions.list({ created, status: 'complete' })).data.map((c) => c.id),
    });
    expect(await ids({ gte: at })).toEqual({
      refunds: [refunds[1].id, refunds[0].id],
      disputes: [dispute.id],
      sessions: [second.session.id, first.session.id],
    });
    expect(await ids({ gt: at + 3600 })).toEqual({ refunds: [], disputes: [], sessions: [] });
    const page = await client.refunds.list({ created: { gte: at }, limit: 1 });
    expect({ ids: page.data.map((r) => r.id), hasMore: page.has_more }).toEqual({
      ids: [refunds[1].id],
      hasMore: true,
    });
    const rest = await client.refunds.list({ created: { gte: at }, limit: 1, starting_after: refunds[1].id });
    expect({ ids: rest.data.map((r) => r.id), hasMore: rest.has_more }).toEqual({
      ids: [refunds[0].id],
      hasMore: false,
    });
    await expect(client.disputes.list({ created: { after: at } as Stripe.RangeQueryParam })).rejects.toMatchObject({
      statusCode: 400,
      param: 'created[after]',
    });
  });

  it('records the API requests of an account, and holds one until the test releases it', async () => {
    const key = fake.addAccount();
    const client = fake.sdk(key);
    await client.products.create({ name: 'Weekend edition' });
    const hold = fake.holdRequest(key, (request) => request.method === 'GET' && request.path === '/v1/products');
    let answered = false;
    const listing = client.products.list({ limit: 3 }).then((list) => {
      answered = true;
      return list;
    });
    expect(await hold.arrived).toMatchObject({ method: 'GET', path: '/v1/products', params: { limit: '3' } });
    await client.customers.list({ limit: 1 }); // other requests pass while one is held
    expect(answered).toBe(false);
    hold.release();
    expect((await listing).data).toHaveLength(1);
    expect((await client.products.list({ limit: 1 })).data).toHaveLength(1); // a hold takes one request only
    expect(fake.apiRequests(key).map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /v1/products',
      'GET /v1/products',
      'GET /v1/customers',
      'GET /v1/products',
    ]);
    const served = await fetch(`${fake.url}/_fake/requests`, { headers: { authorization: `Bearer ${key}` } });
    expect(((await served.json()) as { data: unknown[] }).data).toHaveLength(4);
  });

  it("answers errors in Stripe's envelope with Stripe's statuses", async () => {
    await expect(stripe.products.retrieve('prod_missing')).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 404,
      code: 'resource_missing',
      param: 'id',
      message: "No such product: 'prod_missing'",
    });
    const product = await stripe.products.create({ name: 'No currency' });
    await expect(
      stripe.prices.create({ product: product.id, unit_amount: 1 } as Stripe.PriceCreateParams),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: 'parameter_missing',
      param: 'currency',
    });
    await expect(fake.sdk('sk_test_nobody').customers.list()).rejects.toMatchObject({
      type: 'StripeAuthenticationError',
      statusCode: 401,
    });
    fake.rateLimit(secretKey, 1);
    await expect(stripe.customers.list()).rejects.toBeInstanceOf(Stripe.errors.StripeRateLimitError);
    expect((await stripe.customers.list({ limit: 1 })).object).toBe('list');
    const anonymous = await fetch(`${fake.url}/v1/customers`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({
      error: { type: 'invalid_request_error', message: expect.stringContaining('You did not provide an API key') },
    });
  });

  it('POSTs each event to the webhook endpoint signed so that constructEvent accepts it, and re-sends on demand', async () => {
    const receiver = await startReceiver();
    const signingSecret = 'whsec_fake_agency_one';
    const webhookKey = fake.addAccount();
    const client = fake.sdk(webhookKey);
    fake.setWebhookEndpoint(webhookKey, receiver.url, signingSecret, [
      'checkout.session.completed',
      'customer.subscription.*',
      'invoice.*',
    ]);
    try {
      const price = await vndPrice(99_000, client);
      const { completion } = await subscribe(price, {}, client);

      const verified = receiver.received.map(({ rawBody, signature }) =>
        client.webhooks.constructEvent(rawBody, signature, signingSecret),
      );
      expect(verified.map((event) => event.type)).toEqual([
        'checkout.session.completed',
        'customer.subscription.created',
        'invoice.created',
        'invoice.finalized',
        'invoice.paid',
        'invoice.payment_succeeded',
      ]);
      expect(verified.map((event) => event.id)).toEqual(
        completion.events.filter((event) => event.type !== 'charge.succeeded').map((event) => event.id),
      );
      expect(verified[0]).toMatchObject({
        object: 'event',
        api_version: Stripe.API_VERSION,
        livemode: false,
        request: { id: null, idempotency_key: null },
      });
      expect(fake.deliveries(webhookKey).map((delivery) => delivery.status)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(fake.events(webhookKey).map((event) => event.type)).toContain('product.created');

      const paid = completion.events.find((event) => event.type === 'invoice.paid') as WireEvent;
      await fake.deliver(paid, { url: receiver.url, secret: signingSecret });
      const duplicate = receiver.received.at(-1)!;
      expect(client.webhooks.constructEvent(duplicate.rawBody, duplicate.signature, signingSecret).id).toBe(paid.id);

      await fake.deliver(paid, {
        url: receiver.url,
        secret: signingSecret,
        timestamp: Math.floor(Date.now() / 1000) - 3600,
      });
      const stale = receiver.received.at(-1)!;
      expect(() => client.webhooks.constructEvent(stale.rawBody, stale.signature, signingSecret)).toThrow(
        /Timestamp outside the tolerance zone/,
      );
      expect(() => client.webhooks.constructEvent(stale.rawBody, stale.signature, 'whsec_wrong')).toThrow(
        Stripe.errors.StripeSignatureVerificationError,
      );
    } finally {
      await receiver.close();
    }
  });

  it("records the receiver's status when it fails a delivery", async () => {
    const receiver = await startReceiver(500);
    const failingKey = fake.addAccount();
    fake.setWebhookEndpoint(failingKey, receiver.url, 'whsec_failing');
    try {
      await fake.sdk(failingKey).customers.create({ email: 'x@example.vn' });
      await fake.webhooksSettled();
      expect(fake.deliveries(failingKey).map((delivery) => [delivery.type, delivery.status])).toEqual([
        ['customer.created', 500],
      ]);
    } finally {
      await receiver.close();
    }
  });

  it('previews the proration of a mid-period upgrade, and the update then charges exactly that', async () => {
    const basic = await vndPrice(99_000);
    const premium = await stripe.prices.create({
      product: basic.product as string,
      currency: 'vnd',
      unit_amount: 199_000,
      recurring: MONTH,
    });
    const { customer, subscription } = await subscribe(basic);
    const [item] = subscription.items.data;
    const prorationDate =
      item.current_period_start + Math.floor((item.current_period_end - item.current_period_start) / 3);
    const unused = (item.current_period_end - prorationDate) / (item.current_period_end - item.current_period_start);
    const credit = -Math.round(99_000 * unused);
    const charge = Math.round(199_000 * unused);
    const change = { items: [{ id: item.id, price: premium.id }], proration_date: prorationDate };

    const upcoming = await stripe.invoices.createPreview({
      customer: customer.id,
      subscription: subscription.id,
      subscription_details: change,
    });
    const prorations = upcoming.lines.data.filter((line) => line.parent?.subscription_item_details?.proration);
    expect(prorations.map((line) => line.amount)).toEqual([credit, charge]);
    expect(prorations[0].description).toMatch(/^Unused time on Premium 99000 after /);
    expect(upcoming.amount_due).toBe(199_000 + credit + charge);
    expect(upcoming.parent?.subscription_details?.subscription_proration_date).toBe(prorationDate);

    const now = await stripe.invoices.createPreview({
      subscription: subscription.id,
      subscription_details: { ...change, proration_behavior: 'always_invoice' },
    });
    expect(now.amount_due).toBe(credit + charge);
    expect(await stripe.subscriptions.retrieve(subscription.id)).toMatchObject({
      items: { data: [{ price: { id: basic.id } }] },
    });

    const updated = await stripe.subscriptions.update(subscription.id, {
      ...change,
      proration_behavior: 'always_invoice',
    });
    expect(updated.items.data.map((entry) => [entry.id, entry.price.id])).toEqual([[item.id, premium.id]]);
    expect(await stripe.invoices.retrieve(updated.latest_invoice as string)).toMatchObject({
      billing_reason: 'subscription_update',
      amount_paid: credit + charge,
      status: 'paid',
    });
  });

  it('keeps accounts apart: one secret key never sees the objects of another', async () => {
    const price = await vndPrice();
    const { customer, session, subscription } = await subscribe(price);
    const otherKey = fake.addAccount('sk_test_agency_two');
    const other = fake.sdk(otherKey);

    for (const attempt of [
      other.prices.retrieve(price.id),
      other.customers.retrieve(customer.id),
      other.checkout.sessions.retrieve(session.id),
      other.subscriptions.retrieve(subscription.id),
      other.invoices.retrieve(subscription.latest_invoice as string),
    ]) {
      await expect(attempt).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' });
    }
    expect((await other.customers.list()).data).toEqual([]);
    expect((await other.subscriptions.list()).data).toEqual([]);
    expect(fake.events(otherKey)).toEqual([]);
    await expect(
      other.checkout.sessions.create({ mode: 'subscription', line_items: [{ price: price.id, quantity: 1 }] }),
    ).rejects.toMatchObject({ statusCode: 404, param: 'line_items[0][price]' });
  });

  it('renews a period, fails and recovers a renewal payment, and ends a subscription set to cancel', async () => {
    const { subscription } = await subscribe(await vndPrice());
    const firstEnd = subscription.items.data[0].current_period_end;

    const renewed = await fake.renew(subscription.id);
    expect(renewed.events.map((event) => event.type)).toEqual([
      'invoice.created',
      'customer.subscription.updated',
      'invoice.finalized',
      'charge.succeeded',
      'invoice.paid',
      'invoice.payment_succeeded',
    ]);
    expect(renewed.object.items.data[0].current_period_start).toBe(firstEnd);
    const renewal = await stripe.invoices.retrieve(renewed.object.latest_invoice as string);
    expect(renewal).toMatchObject({ billing_reason: 'subscription_cycle', amount_paid: 99_000, period_end: firstEnd });
    expect(renewal.lines.data[0].period.start).toBe(firstEnd);

    const failed = await fake.renew(subscription.id, { paymentSucceeds: false });
    expect(failed.events.map((event) => event.type)).toContain('invoice.payment_failed');
    expect(failed.object.status).toBe('past_due');
    const open = await stripe.invoices.retrieve(failed.object.latest_invoice as string);
    expect(open).toMatchObject({ status: 'open', amount_paid: 0, attempt_count: 1 });
    expect(open.next_payment_attempt).not.toBeNull();

    await fake.failPayment(subscription.id);
    expect(await stripe.invoices.retrieve(open.id)).toMatchObject({ attempt_count: 2, status: 'open' });
    const recovered = await fake.recoverPayment(subscription.id);
    expect(recovered.events.map((event) => event.type)).toEqual([
      'charge.succeeded',
      'invoice.paid',
      'invoice.payment_succeeded',
      'customer.subscription.updated',
    ]);
    expect((await stripe.subscriptions.retrieve(subscription.id)).status).toBe('active');
    expect(
      (await stripe.subscriptions.list({ status: 'active', price: subscription.items.data[0].price.id })).data.map(
        (sub) => sub.id,
      ),
    ).toEqual([subscription.id]);

    const cancelling = await stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true });
    expect(cancelling.cancel_at).toBe(cancelling.items.data[0].current_period_end);
    const ended = await fake.renew(subscription.id);
    expect(ended.events.map((event) => event.type)).toEqual(['customer.subscription.deleted']);
    expect(ended.object).toMatchObject({ status: 'canceled', ended_at: cancelling.items.data[0].current_period_end });
    expect((await stripe.subscriptions.list({ customer: subscription.customer as string })).data).toEqual([]);
  });

  it('pays an open invoice on request: 402 card_error while the card declines, paid once the customer replaces it', async () => {
    const { subscription } = await subscribe(await vndPrice());
    const failed = await fake.renew(subscription.id, { paymentSucceeds: false });
    const invoiceId = failed.object.latest_invoice as string;
    expect(await stripe.invoices.retrieve(invoiceId)).toMatchObject({ status: 'open', attempt_count: 1 });

    const before = fake.events(secretKey).length;
    const declined = await stripe.invoices
      .pay(invoiceId, {}, { idempotencyKey: `dunning:${invoiceId}:1` })
      .catch((error: unknown) => error);
    expect(declined).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(declined).toMatchObject({
      statusCode: 402,
      type: 'StripeCardError',
      code: 'card_declined',
      decline_code: 'generic_decline',
    });
    const afterDecline = fake.events(secretKey).slice(before);
    expect(afterDecline.map((event) => event.type)).toEqual(['charge.failed', 'invoice.payment_failed']);
    expect(afterDecline[1].data.object).toMatchObject({ id: invoiceId, attempt_count: 2, status: 'open' });
    expect((declined as Stripe.errors.StripeCardError).charge).toBe((afterDecline[0].data.object as Stripe.Charge).id);

    const replayed = await stripe.invoices
      .pay(invoiceId, {}, { idempotencyKey: `dunning:${invoiceId}:1` })
      .catch((error: unknown) => error);
    expect(replayed).toMatchObject({
      statusCode: 402,
      code: 'card_declined',
      headers: expect.objectContaining({ 'idempotent-replayed': 'true' }),
    });
    expect(fake.events(secretKey).length).toBe(before + 2);

    const replaced = await fake.updateCard(subscription.id);
    expect(replaced.events.map((event) => event.type)).toEqual(['customer.subscription.updated']);
    const settled = fake.events(secretKey).length;
    const paid = await stripe.invoices.pay(invoiceId, {}, { idempotencyKey: `dunning:${invoiceId}:2` });
    expect(paid).toMatchObject({ status: 'paid', amount_paid: 99_000, attempt_count: 3 });
    await fake.webhooksSettled();
    expect(
      fake
        .events(secretKey)
        .slice(settled)
        .map((event) => event.type),
    ).toEqual(['charge.succeeded', 'invoice.paid', 'invoice.payment_succeeded', 'customer.subscription.updated']);
    expect((await stripe.subscriptions.retrieve(subscription.id)).status).toBe('active');
    await expect(stripe.invoices.pay(invoiceId)).rejects.toMatchObject({
      statusCode: 400,
      type: 'StripeInvalidRequestError',
      message: 'Invoice is already paid',
    });
  });

  it('declines a replacement card that is set to fail, as Stripe does with pm_card_chargeCustomerFail', async () => {
    const { subscription } = await subscribe(await vndPrice());
    const renewed = await fake.renew(subscription.id, { paymentSucceeds: false });
    const replaced = await fake.updateCard(subscription.id, { declines: true });
    expect(replaced.object.default_payment_method).not.toBe(subscription.default_payment_method);
    await expect(stripe.invoices.pay(renewed.object.latest_invoice as string)).rejects.toMatchObject({
      statusCode: 402,
      code: 'card_declined',
    });
  });

  it('voids an open invoice and marks another uncollectible, refusing to void a paid one', async () => {
    const { subscription } = await subscribe(await vndPrice());
    const first = (await fake.renew(subscription.id, { paymentSucceeds: false })).object.latest_invoice as string;
    const voided = await stripe.invoices.voidInvoice(first);
    expect(voided).toMatchObject({ status: 'void', amount_due: 99_000, amount_remaining: 0 });
    expect(voided.status_transitions.voided_at).not.toBeNull();
    const second = (await fake.renew(subscription.id, { paymentSucceeds: false })).object.latest_invoice as string;
    const uncollectible = await stripe.invoices.markUncollectible(second);
    expect(uncollectible).toMatchObject({ status: 'uncollectible', amount_due: 99_000 });
    expect((await stripe.invoices.voidInvoice(second)).status).toBe('void');
    await fake.webhooksSettled();
    const types = fake
      .events(secretKey)
      .filter((event) => [first, second].includes((event.data.object as { id: string }).id))
      .map((event) => event.type);
    expect(types.filter((type) => type === 'invoice.voided')).toHaveLength(2);
    expect(types.filter((type) => type === 'invoice.marked_uncollectible')).toHaveLength(1);
    expect(types.filter((type) => type === 'invoice.finalized')).toHaveLength(2);
    await expect(stripe.invoices.voidInvoice(subscription.latest_invoice as string)).rejects.toMatchObject({
      statusCode: 400,
    });
  });

  it('refunds part of a charge with a negative balance transaction, and opens and closes a dispute', async () => {
    const { subscription } = await subscribe(await vndPrice());
    const [payment] = (await stripe.invoicePayments.list({ invoice: subscription.latest_invoice as string })).data;
    const chargeId = (await stripe.paymentIntents.retrieve(payment.payment.payment_intent as string))
      .latest_charge as string;

    const refunded = await fake.refund(chargeId, 40_000);
    expect(refunded.events.map((event) => event.type)).toEqual(['charge.refunded', 'refund.created']);
    expect(refunded.events[0].data.previous_attributes).toEqual({ amount_refunded: 0 });
    expect(refunded.object.id).toMatch(/^re_/);
    expect(await stripe.balanceTransactions.retrieve(refunded.object.balance_transaction as string)).toMatchObject({
      amount: -40_000,
      fee: 0,
      net: -40_000,
      type: 'refund',
    });
    const rest = await stripe.refunds.create({ charge: chargeId });
    expect(rest.amount).toBe(59_000);
    expect(await stripe.charges.retrieve(chargeId)).toMatchObject({ amount_refunded: 99_000, refunded: true });

    const { subscription: another } = await subscribe(await vndPrice());
    const [otherPayment] = (await stripe.invoicePayments.list({ invoice: another.latest_invoice as string })).data;
    const disputedCharge = (await stripe.paymentIntents.retrieve(otherPayment.payment.payment_intent as string))
      .latest_charge as string;
    const opened = await fake.dispute(disputedCharge);
    expect(opened.events.map((event) => event.type)).toEqual([
      'charge.dispute.created',
      'charge.dispute.funds_withdrawn',
    ]);
    expect(opened.object).toMatchObject({ status: 'needs_response', amount: 99_000, charge: disputedCharge });
    const closed = await fake.closeDispute(opened.object.id, true);
    expect(closed.events.map((event) => [event.type, (event.data.object as Stripe.Dispute).status])).toEqual([
      ['charge.dispute.closed', 'won'],
      ['charge.dispute.funds_reinstated', 'won'],
    ]);
  });

  it('applies a promotion code at checkout to the first invoice', async () => {
    const price = await vndPrice();
    const coupon = await stripe.coupons.create({
      percent_off: 10,
      duration: 'repeating',
      duration_in_months: 3,
      max_redemptions: 100,
    });
    const code = await stripe.promotionCodes.create({
      promotion: { type: 'coupon', coupon: coupon.id },
      code: 'TET2026',
    });
    expect(code).toMatchObject({
      object: 'promotion_code',
      code: 'TET2026',
      promotion: { type: 'coupon', coupon: coupon.id },
    });
    expect((await stripe.promotionCodes.list({ code: 'tet2026' })).data.map((entry) => entry.id)).toEqual([code.id]);

    const { session, subscription } = await subscribe(price, { discounts: [{ promotion_code: code.id }] });
    expect(session).toMatchObject({
      amount_subtotal: 99_000,
      amount_total: 89_100,
      total_details: { amount_discount: 9_900 },
    });
    const invoice = await stripe.invoices.retrieve(subscription.latest_invoice as string);
    expect(invoice).toMatchObject({ subtotal: 99_000, total: 89_100, amount_paid: 89_100 });
    expect(invoice.total_discount_amounts?.[0].amount).toBe(9_900);
    expect(await stripe.coupons.retrieve(coupon.id)).toMatchObject({ times_redeemed: 1, valid: true });
  });

  it('pauses and resumes, cancels through the SDK, and opens a billing portal session', async () => {
    const { customer, subscription } = await subscribe(await vndPrice());
    expect((await fake.pause(subscription.id)).events.map((event) => event.type)).toEqual([
      'customer.subscription.paused',
      'customer.subscription.updated',
    ]);
    expect((await fake.resume(subscription.id)).events.map((event) => event.type)).toEqual([
      'customer.subscription.resumed',
      'customer.subscription.updated',
    ]);
    const held = await stripe.subscriptions.update(subscription.id, { pause_collection: { behavior: 'void' } });
    expect(held.pause_collection).toEqual({ behavior: 'void', resumes_at: null });

    const portal = await stripe.billingPortal.sessions.create({
      customer: customer.id,
      return_url: 'https://paper.example.vn/account',
    });
    expect(portal).toMatchObject({
      object: 'billing_portal.session',
      customer: customer.id,
      return_url: 'https://paper.example.vn/account',
      url: `${fake.url}/portal/${portal.id}`,
    });
    expect(portal.id).toMatch(/^bps_/);

    const canceled = await stripe.subscriptions.cancel(subscription.id);
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_details: { reason: 'cancellation_requested' } });
    const deleted = await stripe.events.list({ type: 'customer.subscription.deleted', limit: 1 });
    expect(deleted.data[0]).toMatchObject({
      data: { object: { id: subscription.id } },
      request: { id: canceled.lastResponse.requestId },
    });
    expect((await stripe.events.retrieve(deleted.data[0].id)).id).toBe(deleted.data[0].id);
  });

  it('lets a browser pay on the hosted Checkout page and sends it to success_url', async () => {
    const price = await vndPrice();
    const session = await stripe.checkout.sessions.create({
      mode: 'subscription',
      line_items: [{ price: price.id, quantity: 2 }],
      success_url: 'https://paper.example.vn/welcome?session={CHECKOUT_SESSION_ID}',
    });
    const page = await fetch(session.url!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('₫198,000');

    const paid = await fetch(session.url!, {
      method: 'POST',
      body: new URLSearchParams({ outcome: 'succeed', email: 'browser@example.vn' }),
      redirect: 'manual',
    });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`https://paper.example.vn/welcome?session=${session.id}`);
    const completed = await stripe.checkout.sessions.retrieve(session.id, { expand: ['customer', 'subscription'] });
    expect(completed).toMatchObject({
      status: 'complete',
      url: null,
      customer: { email: 'browser@example.vn' },
      subscription: { status: 'active', items: { data: [{ quantity: 2 }] } },
    });
  });

  it('serves the same controls over HTTP under /_fake', async () => {
    const price = await vndPrice();
    const session = await stripe.checkout.sessions.create({
      mode: 'subscription',
      customer_email: 'http@example.vn',
      line_items: [{ price: price.id }],
    });
    const post = (path: string, body: object) =>
      fetch(`${fake.url}/_fake${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    const completed = await post(`/checkout/sessions/${session.id}/complete`, { payment_succeeds: false });
    const outcome = (await completed.json()) as { object: Stripe.Checkout.Session; events: WireEvent[] };
    expect(outcome.events.map((event) => event.type)).toEqual([
      'customer.created',
      'checkout.session.completed',
      'customer.subscription.created',
      'invoice.created',
      'invoice.finalized',
      'charge.failed',
      'invoice.payment_failed',
    ]);
    const subscription = await stripe.subscriptions.retrieve(outcome.object.subscription as string);
    expect(subscription.status).toBe('incomplete');
    expect((await post(`/subscriptions/${subscription.id}/recover_payment`, {})).status).toBe(200);
    expect((await stripe.subscriptions.retrieve(subscription.id)).status).toBe('active');
    const stranger = fake.addAccount();
    expect(
      (
        await fetch(`${fake.url}/_fake/subscriptions/${subscription.id}/renew`, {
          method: 'POST',
          headers: { authorization: `Bearer ${stranger}` },
        })
      ).status,
    ).toBe(404);
  });

  describe('subscription schedules', () => {
    /** A 199,000 VND subscription and a 99,000 VND price to move it to. */
    async function premiumWithBasic() {
      const premium = await vndPrice(199_000);
      const basic = await stripe.prices.create({
        product: premium.product as string,
        currency: 'vnd',
        unit_amount: 99_000,
        recurring: MONTH,
      });
      const { subscription } = await subscribe(premium);
      return { premium, basic, subscription, item: subscription.items.data[0] };
    }

    /** Phases that keep the current price until the period ends, then move to `next`. */
    function downgradeAtPeriodEnd(
      item: Stripe.SubscriptionItem,
      start: number,
      next: Stripe.Price,
    ): Stripe.SubscriptionScheduleUpdateParams {
      return {
        end_behavior: 'release',
        phases: [
          { start_date: start, end_date: item.current_period_end, items: [{ price: item.price.id, quantity: 1 }] },
          { items: [{ price: next.id, quantity: 1 }] },
        ],
      };
    }

    it("makes a schedule from a subscription in Stripe's shape, which the subscription then names", async () => {
      const { subscription, item } = await premiumWithBasic();
      const schedule = await stripe.subscriptionSchedules.create(
        { from_subscription: subscription.id },
        { idempotencyKey: `schedule-${subscription.id}` },
      );

      expect(schedule.id).toMatch(/^sub_sched_/);
      expect(schedule).toMatchObject({
        object: 'subscription_schedule',
        status: 'active',
        subscription: subscription.id,
        customer: subscription.customer,
        end_behavior: 'release',
        released_at: null,
        released_subscription: null,
        current_phase: { start_date: item.current_period_start, end_date: item.current_period_end },
        phases: [
          {
            start_date: item.current_period_start,
            end_date: item.current_period_end,
            currency: 'vnd',
            items: [{ price: item.price.id, plan: item.price.id, quantity: 1 }],
          },
        ],
      });
      expect(await stripe.subscriptionSchedules.retrieve(schedule.id)).toEqual(
        expect.objectContaining({ id: schedule.id, status: 'active' }),
      );
      expect((await stripe.subscriptions.retrieve(subscription.id)).schedule).toBe(schedule.id);
      expect((await stripe.subscriptions.retrieve(subscription.id, { expand: ['schedule'] })).schedule).toMatchObject({
        id: schedule.id,
        object: 'subscription_schedule',
      });
      expect(
        fake
          .events(secretKey)
          .slice(-2)
          .map((event) => event.type),
      ).toEqual(['subscription_schedule.created', 'customer.subscription.updated']);

      const again = await stripe.subscriptionSchedules.create(
        { from_subscription: subscription.id },
        { idempotencyKey: `schedule-${subscription.id}` },
      );
      expect(again.id).toBe(schedule.id);
      await expect(stripe.subscriptionSchedules.create({ from_subscription: subscription.id })).rejects.toMatchObject({
        statusCode: 400,
        param: 'from_subscription',
      });
      await expect(
        stripe.subscriptionSchedules.create({
          from_subscription: subscription.id,
          phases: [],
        } as Stripe.SubscriptionScheduleCreateParams),
      ).rejects.toMatchObject({ statusCode: 400 });
      await expect(fake.sdk(fake.addAccount()).subscriptionSchedules.retrieve(schedule.id)).rejects.toMatchObject({
        statusCode: 404,
        code: 'resource_missing',
      });
    });

    it('moves the subscription to the next phase when the renewal reaches it, bills the new price, and releases the schedule after the last phase', async () => {
      const { basic, subscription, item } = await premiumWithBasic();
      const created = await stripe.subscriptionSchedules.create({ from_subscription: subscription.id });
      const schedule = await stripe.subscriptionSchedules.update(
        created.id,
        downgradeAtPeriodEnd(item, created.current_phase!.start_date, basic),
      );
      expect(schedule.phases.map((phase) => [phase.start_date, phase.items[0].price])).toEqual([
        [item.current_period_start, item.price.id],
        [item.current_period_end, basic.id],
      ]);
      expect(schedule.phases[1].end_date).toBeGreaterThan(item.current_period_end);
      expect((await stripe.subscriptions.retrieve(subscription.id)).items.data[0].price.id).toBe(item.price.id);

      const renewed = await fake.renew(subscription.id);
      expect(renewed.events.map((event) => event.type)).toEqual([
        'customer.subscription.updated',
        'subscription_schedule.updated',
        'invoice.created',
        'customer.subscription.updated',
        'invoice.finalized',
        'charge.succeeded',
        'invoice.paid',
        'invoice.payment_succeeded',
      ]);
      expect(renewed.events[0].data.previous_attributes).toMatchObject({
        items: { data: [{ price: { id: item.price.id } }] },
      });
      expect(renewed.object.items.data[0]).toMatchObject({
        id: item.id,
        price: { id: basic.id },
        current_period_start: item.current_period_end,
      });
      expect(await stripe.invoices.retrieve(renewed.object.latest_invoice as string)).toMatchObject({
        billing_reason: 'subscription_cycle',
        amount_paid: 99_000,
      });
      expect(await stripe.subscriptionSchedules.retrieve(schedule.id)).toMatchObject({
        status: 'active',
        current_phase: { start_date: item.current_period_end, end_date: schedule.phases[1].end_date },
      });
      expect(schedule.phases[1].end_date).toBe(renewed.object.items.data[0].current_period_end);

      const after = await fake.renew(subscription.id);
      expect(after.events.slice(0, 3).map((event) => event.type)).toEqual([
        'subscription_schedule.released',
        'customer.subscription.updated',
        'invoice.created',
      ]);
      expect(after.object.schedule).toBeNull();
      expect(await stripe.invoices.retrieve(after.object.latest_invoice as string)).toMatchObject({
        amount_paid: 99_000,
      });
      expect(await stripe.subscriptionSchedules.retrieve(schedule.id)).toMatchObject({
        status: 'released',
        subscription: null,
        released_subscription: subscription.id,
        current_phase: null,
      });
    });

    it('releases a schedule before its next phase: the subscription keeps its price, and an ended schedule cannot change', async () => {
      const { basic, subscription, item } = await premiumWithBasic();
      const created = await stripe.subscriptionSchedules.create({ from_subscription: subscription.id });
      await stripe.subscriptionSchedules.update(
        created.id,
        downgradeAtPeriodEnd(item, created.current_phase!.start_date, basic),
      );

      const released = await stripe.subscriptionSchedules.release(
        created.id,
        {},
        { idempotencyKey: `release-${created.id}` },
      );
      expect(released).toMatchObject({
        status: 'released',
        released_subscription: subscription.id,
        subscription: null,
        current_phase: null,
      });
      expect(released.released_at).not.toBeNull();
      expect((await stripe.subscriptions.retrieve(subscription.id)).schedule).toBeNull();
      const renewed = await fake.renew(subscription.id);
      expect(renewed.object.items.data[0].price.id).toBe(item.price.id);
      expect(await stripe.invoices.retrieve(renewed.object.latest_invoice as string)).toMatchObject({
        amount_paid: 199_000,
      });

      expect(
        (await stripe.subscriptionSchedules.release(created.id, {}, { idempotencyKey: `release-${created.id}` })).id,
      ).toBe(created.id);
      await expect(stripe.subscriptionSchedules.release(created.id)).rejects.toMatchObject({
        statusCode: 400,
        message: expect.stringContaining('`released` status'),
      });
      await expect(stripe.subscriptionSchedules.update(created.id, { end_behavior: 'cancel' })).rejects.toMatchObject({
        statusCode: 400,
      });
    });

    it('refuses phases that move the current phase or change what it bills now', async () => {
      const { basic, subscription, item } = await premiumWithBasic();
      const { id, current_phase } = await stripe.subscriptionSchedules.create({ from_subscription: subscription.id });
      const start = current_phase!.start_date;
      await expect(
        stripe.subscriptionSchedules.update(id, {
          phases: [{ start_date: start + 60, items: [{ price: item.price.id }] }],
        }),
      ).rejects.toMatchObject({
        statusCode: 400,
        message: 'You can not modify the start date of the current phase.',
      });
      await expect(
        stripe.subscriptionSchedules.update(id, { phases: [{ start_date: start, items: [{ price: basic.id }] }] }),
      ).rejects.toMatchObject({ statusCode: 400, param: 'phases[0][items]' });
      await expect(
        stripe.subscriptionSchedules.update(id, { phases: [{ items: [{ price: basic.id }] }] }),
      ).rejects.toMatchObject({ statusCode: 400, code: 'parameter_missing', param: 'phases[0][start_date]' });
      await expect(
        stripe.subscriptionSchedules.update(id, {
          phases: [
            { start_date: start, end_date: item.current_period_end, items: [{ price: item.price.id }] },
            { items: [{ price: 'price_missing' }] },
          ],
        }),
      ).rejects.toMatchObject({ statusCode: 404, param: 'phases[1][items][0][price]' });
      expect((await stripe.subscriptionSchedules.retrieve(id)).phases).toHaveLength(1);
    });

    it('refuses to change the cancellation of a scheduled subscription, cancels the schedule with the subscription, and cancels both from the schedule', async () => {
      const first = await premiumWithBasic();
      const schedule = await stripe.subscriptionSchedules.create({ from_subscription: first.subscription.id });
      await expect(
        stripe.subscriptions.update(first.subscription.id, { cancel_at_period_end: true }),
      ).rejects.toMatchObject({
        statusCode: 400,
        message: expect.stringContaining(`managed by the subscription schedule \`${schedule.id}\``),
      });
      const canceled = await stripe.subscriptions.cancel(first.subscription.id);
      expect(canceled.status).toBe('canceled');
      expect(await stripe.subscriptionSchedules.retrieve(schedule.id)).toMatchObject({
        status: 'canceled',
        current_phase: null,
      });
      expect(
        fake
          .events(secretKey)
          .slice(-2)
          .map((event) => event.type),
      ).toEqual(['customer.subscription.deleted', 'subscription_schedule.canceled']);

      const second = await premiumWithBasic();
      const other = await stripe.subscriptionSchedules.create({ from_subscription: second.subscription.id });
      const ended = await stripe.subscriptionSchedules.cancel(other.id);
      expect(ended).toMatchObject({ status: 'canceled' });
      expect(ended.canceled_at).not.toBeNull();
      expect((await stripe.subscriptions.retrieve(second.subscription.id)).status).toBe('canceled');
    });

    it('ends the subscription when the last phase of a schedule with end_behavior=cancel is over', async () => {
      const { subscription, item } = await premiumWithBasic();
      const created = await stripe.subscriptionSchedules.create({ from_subscription: subscription.id });
      await stripe.subscriptionSchedules.update(created.id, { end_behavior: 'cancel' });
      const ended = await fake.renew(subscription.id);
      expect(ended.events.map((event) => event.type)).toEqual([
        'subscription_schedule.completed',
        'customer.subscription.deleted',
      ]);
      expect(ended.object).toMatchObject({ status: 'canceled', ended_at: item.current_period_end });
      expect(await stripe.subscriptionSchedules.retrieve(created.id)).toMatchObject({
        status: 'completed',
        completed_at: item.current_period_end,
      });
    });
  });

  describe('balance history: seeded balance transactions and payouts', () => {
    const NOV_20 = Date.UTC(2026, 10, 20) / 1000;
    let key: string;
    let own: Stripe;

    beforeAll(() => {
      key = fake.addAccount();
      own = fake.sdk(key);
      fake.seedBalanceTransactions(
        key,
        Array.from({ length: 5 }, (_, i) => ({
          created: NOV_20 + i * 60,
          amount: 1000 * (i + 1),
          fee: 10,
          currency: 'usd',
          source: `ch_hist${i}`,
        })),
      );
      fake.seedPayouts(key, [
        { created: NOV_20 + 3600, amount: 4000, currency: 'usd', statementDescriptor: 'TIN NHANH' },
      ]);
    });

    it('lists balance transactions newest first within a created range, a page at a time', async () => {
      const range = { gte: NOV_20 + 60, lt: NOV_20 + 3600 };
      const first = await own.balanceTransactions.list({ created: range, limit: 2 });
      expect(first.data.map((t) => t.source)).toEqual(['ch_hist4', 'ch_hist3']);
      expect(first.has_more).toBe(true);
      const rest = await own.balanceTransactions.list({ created: range, limit: 2, starting_after: first.data[1].id });
      expect(rest.data.map((t) => t.source)).toEqual(['ch_hist2', 'ch_hist1']);
      expect(rest.has_more).toBe(false);
      expect(rest.data[0]).toMatchObject({
        object: 'balance_transaction',
        amount: 3000,
        fee: 10,
        net: 2990,
        currency: 'usd',
        reporting_category: 'charge',
      });
    });

    it('lists payouts with their negative balance transaction, and refuses a bad created filter', async () => {
      const payouts = await own.payouts.list({ created: { gte: NOV_20 } });
      expect(payouts.data).toEqual([
        expect.objectContaining({
          object: 'payout',
          amount: 4000,
          currency: 'usd',
          status: 'paid',
          arrival_date: NOV_20 + 3600 + 2 * 86_400,
          statement_descriptor: 'TIN NHANH',
        }),
      ]);
      const txn = await own.balanceTransactions.retrieve(payouts.data[0].balance_transaction as string);
      expect(txn).toMatchObject({
        amount: -4000,
        net: -4000,
        type: 'payout',
        reporting_category: 'payout',
        source: payouts.data[0].id,
      });
      expect((await own.payouts.retrieve(payouts.data[0].id)).id).toBe(payouts.data[0].id);
      await expect(own.payouts.list({ created: { after: 1 } as never })).rejects.toMatchObject({
        param: 'created[after]',
      });
    });
  });

  describe('tax rates', () => {
    const vat = (percentage: number, inclusive: boolean, client = stripe) =>
      client.taxRates.create({
        display_name: 'VAT',
        percentage,
        inclusive,
        country: 'vn',
        jurisdiction: 'VN',
        description: `VAT ${percentage}%`,
        tax_type: 'vat',
      });

    /** What Stripe puts in `taxes` / `total_taxes` for one rate. */
    const taxed = (taxRate: Stripe.TaxRate, amount: number, taxableAmount: number) => ({
      amount,
      tax_behavior: taxRate.inclusive ? 'inclusive' : 'exclusive',
      tax_rate_details: { tax_rate: taxRate.id },
      taxability_reason: 'standard_rated',
      taxable_amount: taxableAmount,
      type: 'tax_rate_details',
    });

    it("creates, retrieves, lists and updates tax rates in Stripe's shape", async () => {
      const key = fake.addAccount();
      const client = fake.sdk(key);
      const inclusive = await client.taxRates.create({
        display_name: 'VAT',
        percentage: 10,
        inclusive: true,
        country: 'vn',
        jurisdiction: 'VN',
        tax_type: 'vat',
        metadata: { kind: 'standard' },
      });
      const exclusive = await client.taxRates.create({
        display_name: 'Sales tax',
        percentage: 5.5,
        inclusive: false,
        description: 'Reduced',
      });

      expect(inclusive.id).toMatch(/^txr_/);
      expect(inclusive).toMatchObject({
        object: 'tax_rate',
        active: true,
        display_name: 'VAT',
        percentage: 10,
        effective_percentage: 10,
        inclusive: true,
        country: 'VN',
        jurisdiction: 'VN',
        jurisdiction_level: null,
        tax_type: 'vat',
        rate_type: 'percentage',
        flat_amount: null,
        livemode: false,
        metadata: { kind: 'standard' },
      });
      expect(exclusive).toMatchObject({
        percentage: 5.5,
        effective_percentage: 5.5,
        inclusive: false,
        description: 'Reduced',
        country: null,
        tax_type: null,
      });
      expect((await client.taxRates.retrieve(inclusive.id)).percentage).toBe(10);
      expect((await client.taxRates.list()).data.map((rate) => rate.id)).toEqual([exclusive.id, inclusive.id]);
      expect((await client.taxRates.list({ inclusive: true })).data.map((rate) => rate.id)).toEqual([inclusive.id]);

      const archived = await client.taxRates.update(inclusive.id, {
        active: false,
        display_name: 'VAT (2025)',
        metadata: { kind: '', note: 'replaced' },
      });
      expect(archived).toMatchObject({
        active: false,
        display_name: 'VAT (2025)',
        metadata: { note: 'replaced' },
        percentage: 10,
      });
      expect((await client.taxRates.list({ active: true })).data.map((rate) => rate.id)).toEqual([exclusive.id]);
      expect((await client.taxRates.list({ active: false })).data.map((rate) => rate.id)).toEqual([inclusive.id]);
      const events = fake.events(key);
      expect(events.map((event) => event.type)).toEqual(['tax_rate.created', 'tax_rate.created', 'tax_rate.updated']);
      expect(events[2].data.previous_attributes).toEqual({
        active: true,
        display_name: 'VAT',
        metadata: { kind: 'standard', note: null },
      });

      await expect(
        client.taxRates.create({ display_name: 'VAT', percentage: 10 } as Stripe.TaxRateCreateParams),
      ).rejects.toMatchObject({
        statusCode: 400,
        code: 'parameter_missing',
        param: 'inclusive',
      });
      await expect(client.taxRates.retrieve('txr_missing')).rejects.toMatchObject({
        statusCode: 404,
        code: 'resource_missing',
        message: "No such tax rate: 'txr_missing'",
      });
    });

    it('keeps a 10% inclusive VAT inside a 99,000 VND price: 99000 paid, 9000 of it tax', async () => {
      const rate = await vat(10, true);
      const { session, subscription, completion } = await subscribe(await vndPrice(99_000), {
        subscription_data: { default_tax_rates: [rate.id] },
      });

      expect(session).toMatchObject({
        amount_subtotal: 99_000,
        amount_total: 99_000,
        total_details: { amount_discount: 0, amount_tax: 9_000 },
      });
      expect(
        subscription.default_tax_rates?.map((entry) => [entry.object, entry.id, entry.percentage, entry.inclusive]),
      ).toEqual([['tax_rate', rate.id, 10, true]]);
      const invoice = await stripe.invoices.retrieve(subscription.latest_invoice as string);
      expect(invoice).toMatchObject({
        status: 'paid',
        subtotal: 99_000,
        subtotal_excluding_tax: 90_000,
        total: 99_000,
        total_excluding_tax: 90_000,
        amount_due: 99_000,
        amount_paid: 99_000,
      });
      expect(invoice.total_taxes).toEqual([taxed(rate, 9_000, 90_000)]);
      expect(invoice.lines.data[0].taxes).toEqual([taxed(rate, 9_000, 90_000)]);
      expect(invoice.default_tax_rates.map((entry) => entry.id)).toEqual([rate.id]);
      const created = completion.events.find((event) => event.type === 'invoice.created')!.data
        .object as Stripe.Invoice;
      expect(created.total_taxes?.[0].amount).toBe(9_000);
    });

    it('adds an 8% exclusive tax on top of 100,000 VND and charges 108000', async () => {
      const rate = await vat(8, false);
      const { session, subscription } = await subscribe(await vndPrice(100_000), {
        subscription_data: { default_tax_rates: [rate.id] },
      });

      expect(session).toMatchObject({
        amount_subtotal: 100_000,
        amount_total: 108_000,
        total_details: { amount_tax: 8_000 },
      });
      const invoice = await stripe.invoices.retrieve(subscription.latest_invoice as string, { expand: ['payments'] });
      expect(invoice).toMatchObject({
        subtotal: 100_000,
        subtotal_excluding_tax: 100_000,
        total: 108_000,
        total_excluding_tax: 100_000,
        amount_due: 108_000,
        amount_paid: 108_000,
      });
      expect(invoice.total_taxes).toEqual([taxed(rate, 8_000, 100_000)]);
      expect(invoice.lines.data[0]).toMatchObject({ amount: 100_000, taxes: [taxed(rate, 8_000, 100_000)] });

      const paymentIntent = await stripe.paymentIntents.retrieve(
        invoice.payments!.data[0].payment.payment_intent as string,
        { expand: ['latest_charge.balance_transaction'] },
      );
      const charge = paymentIntent.latest_charge as Stripe.Charge;
      expect(charge.amount).toBe(108_000);
      expect(charge.balance_transaction).toMatchObject({ amount: 108_000, fee: 3_672 + 2_000, net: 102_328 });
    });

    it("taxes later invoices with the subscription's rates as they are then: renewals, prorations, previews", async () => {
      const inclusive = await vat(10, true);
      const exclusive = await vat(8, false);
      const basic = await vndPrice(99_000);
      const { subscription } = await subscribe(basic, { subscription_data: { default_tax_rates: [inclusive.id] } });

      const switched = await stripe.subscriptions.update(subscription.id, { default_tax_rates: [exclusive.id] });
      expect(switched.default_tax_rates?.map((entry) => entry.id)).toEqual([exclusive.id]);
      const [updated] = (await stripe.events.list({ type: 'customer.subscription.updated', limit: 1 })).data;
      expect(
        (updated.data.previous_attributes as Partial<Stripe.Subscription>).default_tax_rates?.map((entry) => entry.id),
      ).toEqual([inclusive.id]);
      const preview = await stripe.invoices.createPreview({ subscription: subscription.id });
      expect(preview).toMatchObject({
        total: 106_920,
        total_excluding_tax: 99_000,
        total_taxes: [taxed(exclusive, 7_920, 99_000)],
      });
      const inclusivePreview = await stripe.invoices.createPreview({
        subscription: subscription.id,
        subscription_details: { default_tax_rates: [inclusive.id] },
      });
      expect(inclusivePreview).toMatchObject({ total: 99_000, total_taxes: [taxed(inclusive, 9_000, 90_000)] });

      const renewed = await fake.renew(subscription.id);
      const renewal = await stripe.invoices.retrieve(renewed.object.latest_invoice as string);
      expect(renewal).toMatchObject({
        billing_reason: 'subscription_cycle',
        total: 106_920,
        amount_paid: 106_920,
        total_excluding_tax: 99_000,
        total_taxes: [taxed(exclusive, 7_920, 99_000)],
      });
      expect((await stripe.invoices.retrieve(subscription.latest_invoice as string)).total_taxes).toEqual([
        taxed(inclusive, 9_000, 90_000),
      ]);

      const premium = await stripe.prices.create({
        product: basic.product as string,
        currency: 'vnd',
        unit_amount: 199_000,
        recurring: MONTH,
      });
      const upgraded = await stripe.subscriptions.update(subscription.id, {
        items: [{ id: subscription.items.data[0].id, price: premium.id }],
        proration_behavior: 'always_invoice',
      });
      const prorated = await stripe.invoices.retrieve(upgraded.latest_invoice as string);
      const roundHalfUp = (value: number) => Math.sign(value) * Math.round(Math.abs(value));
      expect(prorated.lines.data).toHaveLength(2);
      for (const line of prorated.lines.data)
        expect(line.taxes).toEqual([taxed(exclusive, roundHalfUp(line.amount * 0.08), line.amount)]);
      const lineTotal = prorated.lines.data.reduce((sum, line) => sum + line.amount, 0);
      const taxTotal = prorated.lines.data.reduce((sum, line) => sum + line.taxes![0].amount, 0);
      expect(prorated).toMatchObject({
        total: lineTotal + taxTotal,
        amount_paid: lineTotal + taxTotal,
        total_taxes: [taxed(exclusive, taxTotal, lineTotal)],
      });

      const cleared = await stripe.subscriptions.update(subscription.id, { default_tax_rates: '' });
      expect(cleared.default_tax_rates).toEqual([]);
      const untaxed = await stripe.invoices.retrieve(
        (await fake.renew(subscription.id)).object.latest_invoice as string,
      );
      expect(untaxed).toMatchObject({
        total: 199_000,
        amount_paid: 199_000,
        total_excluding_tax: 199_000,
        total_taxes: [],
      });
    });

    it('refuses tax rate ids the account does not have, and archived rates on new subscriptions', async () => {
      const price = await vndPrice();
      const create = (taxRateIds: string[]) =>
        stripe.checkout.sessions.create({
          mode: 'subscription',
          line_items: [{ price: price.id, quantity: 1 }],
          subscription_data: { default_tax_rates: taxRateIds },
        });
      const rate = await vat(10, true);
      await expect(create([rate.id, 'txr_missing'])).rejects.toMatchObject({
        statusCode: 400,
        code: 'resource_missing',
        param: 'subscription_data[default_tax_rates][1]',
        message: "No such tax rate: 'txr_missing'",
      });
      const elsewhere = await vat(10, true, fake.sdk(fake.addAccount()));
      await expect(create([elsewhere.id])).rejects.toMatchObject({
        statusCode: 400,
        code: 'resource_missing',
        param: 'subscription_data[default_tax_rates][0]',
      });
      const archived = await stripe.taxRates.update((await vat(5, true)).id, { active: false });
      await expect(create([archived.id])).rejects.toMatchObject({
        statusCode: 400,
        param: 'subscription_data[default_tax_rates][0]',
      });

      const { subscription } = await subscribe(price);
      await expect(
        stripe.subscriptions.update(subscription.id, { default_tax_rates: ['txr_missing'] }),
      ).rejects.toMatchObject({
        statusCode: 400,
        code: 'resource_missing',
        param: 'default_tax_rates[0]',
      });
      expect((await stripe.subscriptions.retrieve(subscription.id)).default_tax_rates).toEqual([]);
    });

    it('applies a 10% coupon before an inclusive tax: the tax is on the discounted amount', async () => {
      const rate = await vat(10, true);
      const coupon = await stripe.coupons.create({ percent_off: 10, duration: 'forever' });
      const { session, subscription } = await subscribe(await vndPrice(99_000), {
        discounts: [{ coupon: coupon.id }],
        subscription_data: { default_tax_rates: [rate.id] },
      });

      expect(session).toMatchObject({
        amount_subtotal: 99_000,
        amount_total: 89_100,
        total_details: { amount_discount: 9_900, amount_tax: 8_100 },
      });
      const invoice = await stripe.invoices.retrieve(subscription.latest_invoice as string);
      expect(invoice).toMatchObject({
        subtotal: 99_000,
        total: 89_100,
        amount_paid: 89_100,
        total_excluding_tax: 81_000,
      });
      expect(invoice.total_discount_amounts?.[0].amount).toBe(9_900);
      expect(invoice.total_taxes).toEqual([taxed(rate, 8_100, 81_000)]);
      expect(invoice.lines.data[0]).toMatchObject({
        amount: 99_000,
        discount_amounts: [{ amount: 9_900 }],
        taxes: [taxed(rate, 8_100, 81_000)],
      });
    });
  });
});
