import { DataSource } from 'typeorm';
import { DunningCaseView } from '@libs/contracts';
import { eventually } from '@libs/testing';
import { DunningRetrySchedule } from '../apps/subscriptions/src/dunning/dunning-retry.schedule';
import { DriftRepairService } from '../apps/subscriptions/src/provider-sync/drift-repair.service';
import { StripeAccountsService } from '../apps/subscriptions/src/stripe-accounts/stripe-accounts.service';
import { FakeStripe, RecordedApiRequest } from './stripe-fake';
import {
  createMonthlyPlan,
  MonthlyPlan,
  openCheckout,
  startStripeWorld,
  StripeLinkedAgency,
  StripeWorld,
} from './support/subscription-fixtures';

const DAY_MS = 86_400_000;

interface SubscriptionView {
  id: string;
  planId: string;
  status: string;
}

/**
 * Issue 12: no call to the payment provider is made from inside a database transaction that holds
 * locks. Each test holds one provider call and looks, meanwhile, for a session of the subscriptions
 * service waiting "idle in transaction" with locks in its schema or advisory locks.
 */
describe('provider calls made outside database transactions', () => {
  let world: StripeWorld;
  let fake: FakeStripe;
  let agency: StripeLinkedAgency;
  let basic: MonthlyPlan;
  let flexible: MonthlyPlan;
  let premium: MonthlyPlan;
  let db: DataSource;

  beforeAll(async () => {
    world = await startStripeWorld();
    ({ fake, agency } = world);
    db = world.suite.instances('subscriptions')[0].get(DataSource);
    flexible = await createMonthlyPlan(agency, { name: 'Linh hoạt', unitAmount: '129000' });
    basic = await createMonthlyPlan(agency, { name: 'Cơ bản', unitAmount: '99000' }, { name: 'Báo cơ bản' });
    premium = await createMonthlyPlan(agency, { name: 'Premium', unitAmount: '199000' }, { name: 'Báo premium' });
  });

  afterAll(() => world?.close());

  async function subscribe(readerId: string, plan: MonthlyPlan): Promise<{ id: string; providerId: string }> {
    const completed = await fake.completeCheckout(await openCheckout(agency, plan.planId, { readerId }));
    const id = await eventually(async () => {
      const [subscription] = (
        await agency.api.get<{ items: SubscriptionView[] }>(`/v1/subscriptions/subscriptions?readerId=${readerId}`)
      ).body.items;
      expect(subscription?.status).toBe('active');
      return subscription.id;
    });
    await settled();
    return { id, providerId: String(completed.object.subscription) };
  }

  /** Every webhook sent so far has been answered, and none of its notifications is being or due to be processed. */
  async function settled(): Promise<void> {
    await fake.webhooksSettled();
    await eventually(async () => {
      const [{ waiting }] = await db.query(
        `SELECT count(*)::int AS waiting FROM subscriptions.provider_notifications
          WHERE tenant_id = $1 AND processed_at IS NULL AND failed_at IS NULL
            AND (next_attempt_at <= now() OR claimed_until > now())`,
        [agency.tenantId],
      );
      expect(waiting).toBe(0);
    });
  }

  /** Sessions waiting outside the database inside a transaction that holds locks of the subscriptions service. */
  function locksHeldWhileWaiting(): Promise<{ locktype: string; relname: string | null; mode: string }[]> {
    return db.query(
      `SELECT l.locktype, c.relname, l.mode FROM pg_locks l
         JOIN pg_stat_activity a ON a.pid = l.pid
         LEFT JOIN pg_class c ON c.oid = l.relation
         LEFT JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE a.datname = current_database() AND a.state = 'idle in transaction' AND l.pid <> pg_backend_pid()
          AND (n.nspname = 'subscriptions' OR l.locktype = 'advisory')`,
    );
  }

  /** Holds the agency's first provider request matching `matches` while `meanwhile` runs, then lets it through. */
  async function whileHeld<T>(
    matches: (request: RecordedApiRequest) => boolean,
    start: () => Promise<T>,
    meanwhile: () => Promise<void>,
  ): Promise<T> {
    const hold = fake.holdRequest(agency.stripeKey, matches);
    const started = start();
    try {
      await hold.arrived;
      await meanwhile();
    } finally {
      hold.release();
    }
    return started;
  }

  it('changes a plan at the provider with no transaction open, and lets one change of a subscription run at a time', async () => {
    const subscription = await subscribe('plan-changer', flexible);
    const changePath = `/v1/subscriptions/subscriptions/${subscription.id}/plan-change`;
    const changed = await whileHeld(
      (r) => r.method === 'POST' && r.path === `/v1/subscriptions/${subscription.providerId}`,
      () => agency.api.post<SubscriptionView>(changePath, { planId: basic.planId }),
      async () => {
        expect(await locksHeldWhileWaiting()).toEqual([]);
        // Another change of the same subscription while this one is at the provider: refused, not queued.
        const second = await agency.api.post<{ detail: string }>(changePath, { planId: premium.planId });
        expect(second.status).toBe(409);
        expect(second.body.detail).toContain('in progress');
      },
    );
    expect(changed.status).toBe(200);
    expect(changed.body.planId).toBe(basic.planId);
    const atStripe = await fake.sdk(agency.stripeKey).subscriptions.retrieve(subscription.providerId);
    expect(atStripe.items.data[0].price.unit_amount).toBe(99000);
    // The lease is given back: the next change goes through.
    const next = await agency.api.post<SubscriptionView>(changePath, { planId: premium.planId });
    expect(next.status).toBe(200);
    expect(next.body.planId).toBe(premium.planId);
  });

  it('retries a dunning payment at the provider with no transaction open', async () => {
    const scheduler = world.suite.instances('subscriptions')[0].get(DunningRetrySchedule);
    const { providerId } = await subscribe('dunning-waiter', flexible);
    const invoiceId = String((await fake.renew(providerId, { paymentSucceeds: false })).object.latest_invoice);
    const opened = await eventually(async () => {
      const listed = await agency.api.get<{ items: DunningCaseView[] }>(
        `/v1/subscriptions/dunning-cases?status=open&limit=100`,
      );
      const found = listed.body.items.find((item) => item.providerInvoiceId === invoiceId);
      expect(found).toBeDefined();
      return found!;
    });
    await settled();
    const due = new Date(new Date(opened.openedAt).getTime() + DAY_MS);
    const handled = await whileHeld(
      (r) => r.method === 'POST' && r.path === `/v1/invoices/${invoiceId}/pay`,
      () => scheduler.runDue(due),
      async () => {
        expect(await locksHeldWhileWaiting()).toEqual([]);
        // Claimed: another run at the same instant passes it by.
        expect(await scheduler.runDue(due)).toBe(0);
      },
    );
    expect(handled).toBe(1);
    const after = (await agency.api.get<DunningCaseView>(`/v1/subscriptions/dunning-cases/${opened.id}`)).body;
    expect(after).toMatchObject({ status: 'open', attemptsMade: 1 });
    expect(after.lastFailure).toContain('card_declined');
    expect((await fake.sdk(agency.stripeKey).invoices.retrieve(invoiceId)).attempt_count).toBe(2);
  });

  it('reads a drifted subscription and invoice from the provider with no transaction open', async () => {
    const app = world.suite.instances('subscriptions')[0];
    const repair = app.get(DriftRepairService);
    const account = await app.get(StripeAccountsService).providerAccountOf(agency.tenantId);
    const { providerId } = await subscribe('drift-reader', flexible);
    const repaired = await whileHeld(
      (r) => r.method === 'GET' && r.path === `/v1/subscriptions/${providerId}`,
      () => repair.repairSubscription(account, providerId),
      async () => expect(await locksHeldWhileWaiting()).toEqual([]),
    );
    expect(repaired).toBe(true);
    const invoiceId = String((await fake.sdk(agency.stripeKey).subscriptions.retrieve(providerId)).latest_invoice);
    await settled();
    await whileHeld(
      (r) => r.method === 'GET' && r.path === `/v1/invoices/${invoiceId}`,
      () => repair.repairInvoice(account, invoiceId),
      async () => expect(await locksHeldWhileWaiting()).toEqual([]),
    );
  });
});
