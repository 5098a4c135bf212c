import {
  JournalEntryView,
  PaymentRailName,
  ReconciliationExceptionListResponse,
  ReconciliationExceptionView,
  ReconciliationImportListResponse,
  ReconciliationImportView,
  ReconciliationRunView,
} from '@libs/contracts';
import { eventually } from '@libs/testing';
import { TestAgency } from './support/agencies';
import { Api } from './support/api';
import { balancesIn, createFinanceAgency, FinanceEventDelivery, journalOf } from './support/finance-events';
import { JetStreamProbe } from './support/jetstream';
import { makePayment, paymentRefunded, paymentSucceeded, TestPayment } from './support/payment-events';
import { RAIL_REPORT_HEADERS, railReport, RailReportRow } from './support/reconciliation-files';
import { TestSuite } from './support/test-suite';

interface Problem {
  errors?: { field: string; message: string }[];
}

const CSV = { 'content-type': 'text/csv' };

describe("the payment rails' settlements: clearing to the bank, fees apart, and what the reports disagree on", () => {
  let suite: TestSuite;
  let api: Api;
  let probe: JetStreamProbe;
  let events: FinanceEventDelivery;

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway', 'finance']);
    api = new Api(await suite.gatewayUrl());
    probe = await JetStreamProbe.connect(suite.nats.url);
    events = new FinanceEventDelivery(suite, probe);
  });

  afterAll(async () => {
    await probe?.close();
    await suite?.close();
  });

  /** Books a payment from its event; answers the rail's transaction id the event carried. */
  async function paid(payment: TestPayment, succeededAt: string): Promise<string> {
    const event = paymentSucceeded(payment, succeededAt);
    await events.deliver([event]);
    return event.data.providerTransactionId;
  }

  async function importReport<Answer = ReconciliationImportView>(
    agency: TestAgency,
    rail: PaymentRailName,
    csv: string,
  ) {
    return agency.api.post<Answer>(`/v1/finance/reconciliation/imports/${rail}-csv`, csv, CSV);
  }

  async function run(agency: TestAgency): Promise<ReconciliationRunView> {
    const started = await agency.api.post<ReconciliationRunView>('/v1/finance/reconciliation/runs', {});
    expect(started.status).toBe(202);
    return eventually(async () => {
      const response = await agency.api.get<ReconciliationRunView>(
        `/v1/finance/reconciliation/runs/${started.body.id}`,
      );
      expect(response.body.status).toBe('succeeded');
      return response.body;
    });
  }

  async function railExceptions(agency: TestAgency): Promise<ReconciliationExceptionView[]> {
    const page = await agency.api.get<ReconciliationExceptionListResponse>(
      '/v1/finance/reconciliation/exceptions?limit=100',
    );
    expect(page.status).toBe(200);
    return page.body.items.filter((x) => x.scope === 'rail-ledger');
  }

  const settlementsOf = async (agency: TestAgency): Promise<JournalEntryView[]> =>
    (await journalOf(agency)).filter((e) => e.sourceKey.startsWith('rail-settlement:'));

  const postingsOf = (entry: JournalEntryView) => entry.postings.map((p) => [p.accountCode, p.currency, p.amount]);

  it('moves each settled line from its rail to the bank, net of the fee the settlement states; unsettled ones stay in clearing', async () => {
    const agency = await createFinanceAgency(api, suite.operatorToken);
    const momo = makePayment(agency.tenantId, { rail: 'momo', stream: 'advertising', amount: 1_100_000n });
    const momoLater = makePayment(agency.tenantId, { rail: 'momo', stream: 'advertising', amount: 220_000n });
    const vnpay = makePayment(agency.tenantId, { rail: 'vnpay', stream: 'subscriptions', amount: 2_200_000n });
    const payos = makePayment(agency.tenantId, { rail: 'payos', stream: 'direct', amount: 500_000n });
    const momoId = await paid(momo, '2026-11-03T03:00:00.000Z');
    const momoLaterId = await paid(momoLater, '2026-11-03T09:00:00.000Z');
    const vnpayId = await paid(vnpay, '2026-11-03T04:00:00.000Z');
    const payosId = await paid(payos, '2026-11-03T05:00:00.000Z');

    // MoMo's portal in Vietnamese, amounts grouped in thousands; the later payment is not settled yet.
    const momoReport = railReport(
      [
        {
          transactionId: momoId,
          orderId: momo.reference,
          amount: '1.100.000',
          fee: '22.000',
          net: '1.078.000',
          time: '03/11/2026 10:00:00',
          settledOn: '04/11/2026',
          batch: 'MM-20261104',
          type: 'Thanh toán',
          status: 'Thành công',
        },
        {
          transactionId: momoLaterId,
          orderId: momoLater.reference,
          amount: '220.000',
          fee: '4.400',
          time: '03/11/2026 16:00:00',
          type: 'Thanh toán',
          status: 'Thành công',
        },
        // A payer who gave up: read, not taken.
        {
          transactionId: '9999001',
          orderId: 'abandoned',
          amount: '50.000',
          fee: '0',
          time: '03/11/2026 11:00:00',
          type: 'Thanh toán',
          status: 'Thất bại',
        },
      ],
      RAIL_REPORT_HEADERS.vietnamese,
    );
    const imported = await importReport(agency, 'momo', momoReport);
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({
      source: 'momo-csv',
      status: 'succeeded',
      rows: { read: 3, imported: 2, alreadyImported: 0, skipped: 1 },
      from: '2026-11-02T17:00:00.000Z',
      to: '2026-11-03T17:00:00.000Z',
    });
    const rows = (line: Partial<RailReportRow> & Pick<RailReportRow, 'transactionId' | 'orderId'>): RailReportRow => ({
      amount: '0',
      fee: '0',
      time: '2026-11-03 10:00:00',
      ...line,
    });
    expect(
      (
        await importReport(
          agency,
          'vnpay',
          railReport([
            rows({
              transactionId: vnpayId,
              orderId: vnpay.reference,
              amount: '2200000',
              fee: '24200',
              time: '20261103110000',
              settledOn: '2026-11-05',
            }),
          ]),
        )
      ).status,
    ).toBe(201);
    expect(
      (
        await importReport(
          agency,
          'payos',
          railReport([
            rows({
              transactionId: payosId,
              orderId: payos.reference,
              amount: '500000',
              fee: '0',
              time: '2026-11-03T12:00:00+07:00',
              settledOn: '2026-11-03',
            }),
          ]),
        )
      ).status,
    ).toBe(201);

    const settlements = await settlementsOf(agency);
    const momoSettled = settlements.find((e) => e.sourceKey === `rail-settlement:momo:payment:${momoId}`);
    expect(momoSettled).toMatchObject({ postedOn: '2026-11-04' });
    expect(postingsOf(momoSettled!)).toEqual([
      ['1200', 'VND', '1078000'],
      ['5100', 'VND', '22000'],
      ['1110', 'VND', '-1100000'],
    ]);
    // No fee, no fee line.
    expect(postingsOf(settlements.find((e) => e.sourceKey === `rail-settlement:payos:payment:${payosId}`)!)).toEqual([
      ['1200', 'VND', '500000'],
      ['1130', 'VND', '-500000'],
    ]);
    expect(settlements).toHaveLength(3);
    // Clearing keeps only what is paid and not yet settled: MoMo's later payment.
    expect(await balancesIn(agency, 'VND')).toEqual({
      '1110': '220000',
      '1200': '3753800',
      '1300': '-3520000',
      '2400': '-500000',
      '5100': '46200',
    });

    await run(agency);
    expect(await railExceptions(agency)).toEqual([]);
  });

  it('books nothing twice when the same report is imported again, and settles a line when its settlement arrives later', async () => {
    const agency = await createFinanceAgency(api, suite.operatorToken);
    const payment = makePayment(agency.tenantId, { rail: 'vnpay', stream: 'licensing', amount: 770_000n });
    const id = await paid(payment, '2026-11-10T03:00:00.000Z');
    const line = {
      transactionId: id,
      orderId: payment.reference,
      amount: '770000',
      fee: '7700',
      time: '2026-11-10 10:00:00',
    };

    const unsettled = railReport([line]);
    expect((await importReport(agency, 'vnpay', unsettled)).body.rows).toEqual({
      read: 1,
      imported: 1,
      alreadyImported: 0,
      skipped: 0,
    });
    expect(await settlementsOf(agency)).toEqual([]);

    const settled = railReport([{ ...line, settledOn: '2026-11-11', batch: 'VNP-1111' }]);
    for (let i = 0; i < 2; i++) {
      const again = await importReport(agency, 'vnpay', settled);
      expect(again.status).toBe(201);
      expect(again.body.rows).toEqual({ read: 1, imported: 0, alreadyImported: 1, skipped: 0 });
    }
    expect(await settlementsOf(agency)).toHaveLength(1);
    expect(await balancesIn(agency, 'VND')).toEqual({ '1200': '762300', '1300': '-770000', '5100': '7700' });
  });

  it('nets refunds out of the settlement: the refund leaves the bank and comes back to clearing', async () => {
    const agency = await createFinanceAgency(api, suite.operatorToken);
    // Advertising: a subscription payment's refund waits for its invoice (see rail-refund-postings).
    const payment = makePayment(agency.tenantId, { rail: 'momo', stream: 'advertising', amount: 1_000_000n });
    const id = await paid(payment, '2026-11-12T03:00:00.000Z');
    const refund = paymentRefunded(payment, {
      amount: 400_000n,
      refundedTotal: 400_000n,
      refundedAt: '2026-11-12T07:00:00.000Z',
    });
    await events.deliver([refund]);
    const report = railReport([
      {
        transactionId: id,
        orderId: payment.reference,
        amount: '1000000',
        fee: '20000',
        time: '2026-11-12 10:00:00',
        settledOn: '2026-11-13',
      },
      {
        transactionId: refund.data.providerRefundId,
        orderId: payment.reference,
        amount: '400000',
        fee: '0',
        net: '-400000',
        time: '2026-11-12 14:00:00',
        settledOn: '2026-11-13',
        type: 'refund',
      },
    ]);
    expect((await importReport(agency, 'momo', report)).status).toBe(201);
    const refundSettled = (await settlementsOf(agency)).find(
      (e) => e.sourceKey === `rail-settlement:momo:refund:${refund.data.providerRefundId}`,
    );
    expect(postingsOf(refundSettled!)).toEqual([
      ['1110', 'VND', '400000'],
      ['1200', 'VND', '-400000'],
    ]);
    // The settlement paid 1,000,000 − 20,000 − 400,000; nothing is left in clearing.
    expect(await balancesIn(agency, 'VND')).toEqual({ '1200': '580000', '1300': '-600000', '5100': '20000' });
    await run(agency);
    expect(await railExceptions(agency)).toEqual([]);
  });

  it('reports a line no payment books, a payment the report covering its day lacks, and an amount the books disagree with', async () => {
    const agency = await createFinanceAgency(api, suite.operatorToken);
    const matched = makePayment(agency.tenantId, { rail: 'payos', stream: 'advertising', amount: 300_000n });
    const absent = makePayment(agency.tenantId, { rail: 'payos', stream: 'advertising', amount: 120_000n });
    const short = makePayment(agency.tenantId, { rail: 'payos', stream: 'advertising', amount: 200_000n });
    // Paid the day after the report's last day: no report covers it yet.
    const uncovered = makePayment(agency.tenantId, { rail: 'payos', stream: 'advertising', amount: 90_000n });
    const matchedId = await paid(matched, '2026-11-20T02:00:00.000Z');
    const absentId = await paid(absent, '2026-11-20T16:00:00.000Z');
    const shortId = await paid(short, '2026-11-20T04:00:00.000Z');
    await paid(uncovered, '2026-11-21T03:00:00.000Z');
    const report = railReport([
      {
        transactionId: matchedId,
        orderId: matched.reference,
        amount: '300000',
        fee: '0',
        time: '2026-11-20 09:00:00',
        settledOn: '2026-11-21',
      },
      {
        transactionId: shortId,
        orderId: short.reference,
        amount: '150000',
        fee: '0',
        time: '2026-11-20 11:00:00',
        settledOn: '2026-11-21',
      },
      {
        transactionId: 'FT26324000042',
        orderId: 'someone-else',
        amount: '75000',
        fee: '0',
        time: '2026-11-20 12:00:00',
        settledOn: '2026-11-21',
      },
    ]);
    expect((await importReport(agency, 'payos', report)).status).toBe(201);
    await run(agency);

    const found = await railExceptions(agency);
    const byKind = Object.fromEntries(found.map((x) => [x.kind, x]));
    expect(found.map((x) => x.kind).sort()).toEqual(['amount-mismatch', 'missing-at-rail', 'missing-in-ledger']);
    expect(byKind['missing-in-ledger']).toMatchObject({
      status: 'open',
      rail: 'payos',
      railTransactionId: 'FT26324000042',
      statementAmount: '75000',
      bookedAmount: null,
    });
    expect(byKind['missing-at-rail']).toMatchObject({
      rail: 'payos',
      railTransactionId: absentId,
      ledgerSourceKey: `payment-succeeded:${absent.paymentId}`,
      statementAmount: null,
      bookedAmount: '120000',
    });
    expect(byKind['amount-mismatch']).toMatchObject({
      railTransactionId: shortId,
      statementAmount: '150000',
      bookedAmount: '200000',
    });
    expect(byKind['amount-mismatch'].detail).toContain(shortId);

    // Every settled line reached the bank; clearing holds the uncovered payment and the differences.
    expect(await balancesIn(agency, 'VND')).toEqual({
      '1130': '185000',
      '1200': '525000',
      '1300': '-710000',
    });

    // Adjusting the mismatch posts the difference to payOS's clearing account.
    const adjusted = await agency.api.post<ReconciliationExceptionView>(
      `/v1/finance/reconciliation/exceptions/${byKind['amount-mismatch'].id}/resolution`,
      { action: 'adjust', accountCode: '5200', reason: 'payOS settled less than was paid' },
    );
    expect(adjusted.status).toBe(201);
    expect((await balancesIn(agency, 'VND'))['1130']).toBe('135000');
    const matchRefused = await agency.api.post<Problem>(
      `/v1/finance/reconciliation/exceptions/${byKind['missing-in-ledger'].id}/resolution`,
      { action: 'match', entryId: byKind['missing-at-rail'].entryId, reason: 'same money' },
    );
    expect(matchRefused.status).toBe(400);
  });

  it('refuses a report with a bad row, naming the row, and imports nothing of it', async () => {
    const agency = await createFinanceAgency(api, suite.operatorToken);
    const payment = makePayment(agency.tenantId, { rail: 'momo', stream: 'advertising', amount: 100_000n });
    const id = await paid(payment, '2026-11-25T03:00:00.000Z');
    const report = railReport([
      {
        transactionId: id,
        orderId: payment.reference,
        amount: '100000',
        fee: '2000',
        time: '2026-11-25 10:00:00',
        settledOn: '2026-11-26',
      },
      {
        transactionId: '3100000002',
        orderId: 'x',
        amount: '100000.50',
        fee: '0',
        time: '2026-11-25 10:00:00',
        settledOn: '2026-11-26',
      },
      {
        transactionId: '3100000003',
        orderId: 'y',
        amount: '5000',
        fee: '0',
        time: '31/11/2026 10:00:00',
      },
    ]);
    const refused = await importReport<Problem>(agency, 'momo', report);
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.map((e) => e.field)).toEqual(['line 3', 'line 4']);
    expect(refused.body.errors?.[0].message).toMatch(/amount/);
    expect(refused.body.errors?.[1].message).toMatch(/transaction time/);

    const missingColumn = await importReport<Problem>(agency, 'momo', 'transaction_id,amount\n1,2\n');
    expect(missingColumn.status).toBe(400);
    expect(missingColumn.body.errors?.[0]).toMatchObject({ field: 'line 1' });
    expect(missingColumn.body.errors?.[0].message).toMatch(/missing column orderId/);

    const imports = await agency.api.get<ReconciliationImportListResponse>('/v1/finance/reconciliation/imports');
    expect(imports.body.items).toEqual([]);
    expect(await settlementsOf(agency)).toEqual([]);
    expect(await balancesIn(agency, 'VND')).toEqual({ '1110': '100000', '1300': '-100000' });
  });
});
