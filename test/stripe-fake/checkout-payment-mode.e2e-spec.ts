import Stripe from 'stripe';
import { FakeStripe, startFakeStripe, WireEvent } from './index';

describe('fake Stripe Checkout in payment mode', () => {
  let fake: FakeStripe;
  let secretKey: string;
  let stripe: Stripe;
  let product: Stripe.Product;

  beforeAll(async () => {
    fake = await startFakeStripe();
    secretKey = fake.addAccount();
    stripe = fake.sdk(secretKey);
    product = await stripe.products.create({ name: 'Báo Premium' });
  });

  afterAll(() => fake?.close());

  const oneOff = (
    extra: Partial<Stripe.Checkout.SessionCreateParams> = {},
    line: Partial<Stripe.Checkout.SessionCreateParams.LineItem> = {},
  ) =>
    stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price_data: { currency: 'vnd', product: product.id, unit_amount: 99_000 }, quantity: 3, ...line }],
      customer_email: 'mua@example.vn',
      success_url: 'https://paper.example.vn/gift/thanks?session={CHECKOUT_SESSION_ID}',
      cancel_url: 'https://paper.example.vn/gift',
      metadata: { purchase_id: 'p-1' },
      payment_intent_data: { metadata: { purchase_id: 'p-1' }, description: 'Gift: 3 months' },
      ...extra,
    });

  const vat = (percentage: number, inclusive: boolean) =>
    stripe.taxRates.create({ display_name: 'VAT', percentage, inclusive, country: 'VN', tax_type: 'vat' });

  it('opens a session for an inline one-time price: 3 x 99,000 VND is 297000, nothing paid or made yet', async () => {
    const session = await oneOff();
    expect(session).toMatchObject({
      object: 'checkout.session',
      mode: 'payment',
      status: 'open',
      payment_status: 'unpaid',
      currency: 'vnd',
      amount_subtotal: 297_000,
      amount_total: 297_000,
      customer: null,
      customer_email: 'mua@example.vn',
      customer_creation: 'if_required',
      payment_intent: null,
      subscription: null,
      invoice_creation: { enabled: false },
      metadata: { purchase_id: 'p-1' },
      total_details: { amount_tax: 0 },
    });
    const { line_items: lines } = await stripe.checkout.sessions.retrieve(session.id, { expand: ['line_items'] });
    expect(
      lines?.data.map((line) => [
        line.quantity,
        line.amount_total,
        line.description,
        line.price?.type,
        line.price?.active,
        line.price?.unit_amount,
      ]),
    ).toEqual([[3, 297_000, 'Báo Premium', 'one_time', false, 99_000]]);
    expect((await stripe.prices.list({ product: product.id })).data).toEqual([]);
    expect(JSON.stringify(session)).not.toContain('29700000');
  });

  it('takes a card payment: payment intent, charge, fee on the balance transaction, then checkout.session.completed', async () => {
    const session = await oneOff();
    const { object: completed, events } = await fake.completeCheckout(session.id);
    expect(events.map((event) => event.type)).toEqual([
      'payment_intent.created',
      'charge.succeeded',
      'payment_intent.succeeded',
      'checkout.session.completed',
    ]);
    expect(completed).toMatchObject({
      status: 'complete',
      payment_status: 'paid',
      url: null,
      customer: null,
      customer_details: { email: 'mua@example.vn' },
    });
    const paid = await stripe.checkout.sessions.retrieve(session.id, {
      expand: ['payment_intent.latest_charge.balance_transaction'],
    });
    const intent = paid.payment_intent as Stripe.PaymentIntent;
    const charge = intent.latest_charge as Stripe.Charge;
    const txn = charge.balance_transaction as Stripe.BalanceTransaction;
    expect(intent).toMatchObject({
      status: 'succeeded',
      amount: 297_000,
      amount_received: 297_000,
      currency: 'vnd',
      customer: null,
      metadata: { purchase_id: 'p-1' },
      description: 'Gift: 3 months',
    });
    expect(charge).toMatchObject({
      status: 'succeeded',
      paid: true,
      amount: 297_000,
      customer: null,
      billing_details: { email: 'mua@example.vn' },
    });
    expect(txn).toMatchObject({
      amount: 297_000,
      fee: 10_098 + 2_000,
      net: 297_000 - 12_098,
      type: 'charge',
      source: charge.id,
    });
    expect(
      fake
        .events(secretKey)
        .some(
          (event) =>
            event.type === 'customer.created' && (event.data.object as Stripe.Customer).email === 'mua@example.vn',
        ),
    ).toBe(false);
  });

  it('taxes each line with its own tax rates: 10% inside 297,000 VND is 27000, 8% on top of 100,000 VND makes 108000', async () => {
    const inclusive = await vat(10, true);
    const exclusive = await vat(8, false);
    const within = await oneOff({}, { tax_rates: [inclusive.id] });
    expect(within).toMatchObject({
      amount_subtotal: 297_000,
      amount_total: 297_000,
      total_details: { amount_tax: 27_000 },
    });
    const { line_items: lines } = await stripe.checkout.sessions.retrieve(within.id, { expand: ['line_items'] });
    expect(lines?.data[0]).toMatchObject({ amount_tax: 27_000, amount_total: 297_000 });
    expect(lines?.data[0].taxes?.map((tax) => [tax.amount, tax.rate.id, tax.taxable_amount])).toEqual([
      [27_000, inclusive.id, 270_000],
    ]);

    const onTop = await oneOff(
      {},
      {
        price_data: { currency: 'vnd', product: product.id, unit_amount: 100_000 },
        quantity: 1,
        tax_rates: [exclusive.id],
      },
    );
    expect(onTop).toMatchObject({
      amount_subtotal: 100_000,
      amount_total: 108_000,
      total_details: { amount_tax: 8_000 },
    });
    await fake.completeCheckout(onTop.id);
    const intent = (await stripe.checkout.sessions.retrieve(onTop.id, { expand: ['payment_intent'] }))
      .payment_intent as Stripe.PaymentIntent;
    expect(intent.amount_received).toBe(108_000);
  });

  it('keeps the session open after a declined card, and takes the next card on the same payment intent', async () => {
    const session = await oneOff();
    const declined = await fake.completeCheckout(session.id, { paymentSucceeds: false });
    expect(declined.events.map((event) => event.type)).toEqual([
      'payment_intent.created',
      'charge.failed',
      'payment_intent.payment_failed',
    ]);
    expect(declined.object).toMatchObject({ status: 'open', payment_status: 'unpaid' });
    const paid = await fake.completeCheckout(session.id);
    expect(paid.events.map((event) => event.type)).toEqual([
      'charge.succeeded',
      'payment_intent.succeeded',
      'checkout.session.completed',
    ]);
    expect(paid.object.payment_intent).toBe(declined.object.payment_intent);
    const charges = await stripe.charges.list({ payment_intent: paid.object.payment_intent as string });
    expect(charges.data.map((charge) => charge.status)).toEqual(['succeeded', 'failed']);
  });

  it('completes a delayed payment unpaid, then settles it with checkout.session.async_payment_succeeded (or _failed)', async () => {
    const session = await oneOff();
    const pending = await fake.completeCheckout(session.id, { delayedPayment: true });
    expect(pending.events.map((event) => event.type)).toEqual([
      'payment_intent.created',
      'payment_intent.processing',
      'checkout.session.completed',
    ]);
    expect(pending.object).toMatchObject({ status: 'complete', payment_status: 'unpaid' });
    const settled = await fake.settleCheckoutPayment(session.id);
    expect(settled.events.map((event) => event.type)).toEqual([
      'charge.succeeded',
      'payment_intent.succeeded',
      'checkout.session.async_payment_succeeded',
    ]);
    expect(settled.object.payment_status).toBe('paid');
    await expect(fake.settleCheckoutPayment(session.id)).rejects.toMatchObject({ status: 400 });

    const failing = await oneOff();
    await fake.completeCheckout(failing.id, { delayedPayment: true });
    const failed = await fake.settleCheckoutPayment(failing.id, { paymentSucceeds: false });
    expect(failed.events.map((event) => event.type)).toEqual([
      'charge.failed',
      'payment_intent.payment_failed',
      'checkout.session.async_payment_failed',
    ]);
    expect(failed.object).toMatchObject({ status: 'complete', payment_status: 'unpaid' });
  });

  it('makes a customer only when asked to (customer_creation: always)', async () => {
    const session = await oneOff({ customer_creation: 'always' });
    const { object, events } = await fake.completeCheckout(session.id);
    expect(events[0].type).toBe('customer.created');
    const customer = await stripe.customers.retrieve(object.customer as string);
    expect(customer).toMatchObject({ email: 'mua@example.vn' });
  });

  it("refuses what payment mode does not take, in Stripe's words", async () => {
    const recurring = await stripe.prices.create({
      product: product.id,
      currency: 'vnd',
      unit_amount: 99_000,
      recurring: { interval: 'month' },
    });
    await expect(oneOff({ line_items: [{ price: recurring.id, quantity: 1 }] })).rejects.toMatchObject({
      statusCode: 400,
      param: 'line_items[0][price]',
    });
    await expect(oneOff({}, { price: recurring.id })).rejects.toMatchObject({
      statusCode: 400,
      code: 'parameters_exclusive',
    });
    await expect(oneOff({ subscription_data: { trial_period_days: 7 } })).rejects.toMatchObject({
      statusCode: 400,
      param: 'subscription_data',
    });
    await expect(
      oneOff({}, { price_data: { currency: 'vnd', product: 'prod_missing', unit_amount: 1 } }),
    ).rejects.toMatchObject({
      code: 'resource_missing',
      param: 'line_items[0][price_data][product]',
    });
    await expect(oneOff({}, { tax_rates: ['txr_missing'] })).rejects.toMatchObject({
      code: 'resource_missing',
      param: 'line_items[0][tax_rates][0]',
    });
    await expect(oneOff({ payment_intent_data: { capture_method: 'manual' } })).rejects.toMatchObject({
      param: 'payment_intent_data[capture_method]',
    });
  });

  it('serves the delayed payment controls over HTTP under /_fake', async () => {
    const session = await oneOff();
    const post = (path: string, body: object) =>
      fetch(`${fake.url}/_fake${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const completed = (await (
      await post(`/checkout/sessions/${session.id}/complete`, { delayed_payment: true })
    ).json()) as { object: Stripe.Checkout.Session };
    expect(completed.object.payment_status).toBe('unpaid');
    const settled = (await (await post(`/checkout/sessions/${session.id}/settle_payment`, {})).json()) as {
      events: WireEvent[];
    };
    expect(settled.events.map((event) => event.type)).toContain('checkout.session.async_payment_succeeded');
  });
});
