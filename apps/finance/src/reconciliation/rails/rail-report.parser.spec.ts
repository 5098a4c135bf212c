import { parseRailReport } from './rail-report.parser';

const HEADER = 'transaction_id,order_id,amount,fee,net_amount,transaction_time,settlement_date,type,status';

describe("reading a rail's report", () => {
  it('reads payments and refunds in minor units, a refund negative, in Vietnam time', () => {
    const parsed = parseRailReport(
      'momo',
      `${HEADER}\n4088878653,ord-1,"1,100,000",22000,1078000,2026-11-03 10:00:00,2026-11-04,payment,success\n` +
        `4088878999,ord-1,400000,0,,03/11/2026 14:30:00,,refund,success\n`,
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(
      parsed.rows.lines.map((l) => [l.movement, l.railTransactionId, l.amount, l.fee, l.net, l.settledOn]),
    ).toEqual([
      ['payment', '4088878653', 1_100_000n, 22_000n, 1_078_000n, '2026-11-04'],
      ['refund', '4088878999', -400_000n, 0n, -400_000n, null],
    ]);
    expect(parsed.rows.lines[0].occurredAt.toISOString()).toBe('2026-11-03T03:00:00.000Z');
    expect(parsed.rows.covers).toEqual({
      from: new Date('2026-11-02T17:00:00.000Z'),
      to: new Date('2026-11-03T17:00:00.000Z'),
    });
  });

  it("knows each rail's own header names and Vietnamese labels, and ignores columns it does not read", () => {
    const vnpay = parseRailReport(
      'vnpay',
      'Mã GD VNPAY,Mã GD merchant,Số tiền,Phí,Thời gian giao dịch,Loại giao dịch,Trạng thái,Ngân hàng\n' +
        '14123456,attempt-9,500.000,5.500,20261103101500,Thanh toán,Thành công,NCB\n',
    );
    if (!vnpay.ok) throw new Error(JSON.stringify(vnpay.errors));
    expect(vnpay.rows.lines[0]).toMatchObject({
      railTransactionId: '14123456',
      orderId: 'attempt-9',
      amount: 500_000n,
    });
    const payos = parseRailReport(
      'payos',
      'reference,orderCode,amount,fee,created_at,type,status\nFT1,123,1000,0,2026-11-03,payment,paid\n',
    );
    expect(payos.ok).toBe(true);
    // payOS's reference is no MoMo column.
    expect(parseRailReport('momo', 'reference,orderCode,amount,fee,created_at,type,status\n').ok).toBe(false);
  });

  it('counts failed and pending transactions as skipped, and reads them no further', () => {
    const parsed = parseRailReport('payos', `${HEADER}\nFT2,o,not-a-number,0,,never,,payment,Thất bại\n`);
    expect(parsed).toMatchObject({ ok: true, skipped: 1, rows: { lines: [], covers: null } });
  });

  it('refuses the file naming every bad line: amounts, times, a net that is not amount less fee, a line twice', () => {
    const parsed = parseRailReport(
      'vnpay',
      `${HEADER}\n` +
        `1,o,100000.5,0,,2026-11-03 10:00:00,,payment,success\n` +
        `2,o,100000,1000,100000,2026-11-03 10:00:00,,payment,success\n` +
        `3,o,100000,0,,2026-02-30 10:00:00,,payment,success\n` +
        `4,o,100000,0,,2026-11-03 10:00:00,,chargeback,success\n` +
        `5,o,100000,0,,2026-11-03 10:00:00,,payment,success\n` +
        `5,o,100000,0,,2026-11-03 10:00:00,,payment,success\n` +
        `6,o,100000,0,,2026-11-03 10:00:00,,payment,unknown\n`,
    );
    if (parsed.ok) throw new Error('accepted');
    expect(parsed.errors.map((e) => e.field)).toEqual(['line 2', 'line 3', 'line 4', 'line 5', 'line 7', 'line 8']);
    expect(parsed.errors.map((e) => e.message.split(/[ :]/)[0])).toEqual([
      'amount',
      'net',
      'transaction',
      'type',
      'payment',
      'status',
    ]);
  });

  it('names every missing or repeated column on line 1', () => {
    const parsed = parseRailReport('momo', 'transaction_id,Mã giao dịch,amount\n');
    if (parsed.ok) throw new Error('accepted');
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0].field).toBe('line 1');
    expect(parsed.errors[0].message).toContain('transactionId is given twice');
    expect(parsed.errors[0].message).toContain('missing column status');
  });
});
