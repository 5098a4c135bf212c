import type { PaymentRailName } from '@libs/contracts';

export type RailReportColumn =
  | 'transactionId'
  | 'orderId'
  | 'amount'
  | 'fee'
  | 'net'
  | 'transactionTime'
  | 'settlementDate'
  | 'settlementBatch'
  | 'type'
  | 'status'
  | 'currency';

interface ColumnNames {
  required: boolean;
  /** Header names every rail's report may use (compared lower case, spaces and underscores alike). */
  any: string[];
  /** Names only one rail's portal uses (its API field, its Vietnamese label). */
  byRail?: Partial<Record<PaymentRailName, string[]>>;
}

/**
 * The columns read from a rail's report, by the header names its portal may give them. The
 * portals' exports are not published: the set is the minimal one each rail's data has (its
 * transaction id being the payments service's providerTransactionId or providerRefundId), under
 * the rail's own API names and the Vietnamese labels its portal shows. Other columns are ignored.
 */
export const RAIL_REPORT_COLUMNS: Record<RailReportColumn, ColumnNames> = {
  transactionId: {
    required: true,
    any: ['transaction id', 'mã giao dịch'],
    byRail: {
      momo: ['transid', 'trans id', 'tid', 'mã giao dịch momo'],
      vnpay: ['vnp transactionno', 'transaction no', 'mã gd vnpay', 'mã giao dịch vnpay'],
      payos: ['reference', 'mã tham chiếu'],
    },
  },
  orderId: {
    required: true,
    any: ['order id', 'mã đơn hàng'],
    byRail: {
      momo: ['orderid', 'mã giao dịch đối tác'],
      vnpay: ['vnp txnref', 'txn ref', 'mã gd merchant', 'mã giao dịch merchant'],
      payos: ['ordercode', 'order code', 'mã đơn'],
    },
  },
  amount: { required: true, any: ['amount', 'gross amount', 'số tiền', 'số tiền giao dịch'] },
  fee: { required: true, any: ['fee', 'transaction fee', 'phí', 'phí giao dịch'] },
  net: {
    required: false,
    any: [
      'net',
      'net amount',
      'settled amount',
      'settlement amount',
      'số tiền thực nhận',
      'thực nhận',
      'số tiền quyết toán',
    ],
  },
  transactionTime: {
    required: true,
    any: ['transaction time', 'created at', 'thời gian giao dịch', 'ngày giao dịch'],
    byRail: { momo: ['responsetime', 'response time'], vnpay: ['vnp paydate', 'pay date'] },
  },
  settlementDate: {
    required: false,
    any: ['settlement date', 'settled on', 'ngày quyết toán', 'ngày đối soát', 'ngày chuyển tiền'],
  },
  settlementBatch: {
    required: false,
    any: ['settlement batch', 'batch', 'batch id', 'phiên đối soát', 'mã phiên', 'mã đối soát'],
  },
  type: { required: true, any: ['type', 'transaction type', 'loại giao dịch'] },
  status: { required: true, any: ['status', 'trạng thái', 'trạng thái giao dịch'] },
  currency: { required: false, any: ['currency', 'loại tiền', 'tiền tệ'] },
};

/** A header name as compared: lower case, NFC, runs of spaces and underscores one space. */
export function headerKey(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')
    .trim();
}

/** The names a column goes by in a rail's report. */
export function namesOf(column: RailReportColumn, rail: PaymentRailName): string[] {
  const names = RAIL_REPORT_COLUMNS[column];
  return [...names.any, ...(names.byRail?.[rail] ?? [])];
}

/** `type` values: a payment, or a refund (money given back). */
export const RAIL_REPORT_TYPES = {
  payment: ['payment', 'pay', 'purchase', 'sale', 'thanh toán'],
  refund: ['refund', 'hoàn tiền', 'hoàn'],
} as const;

/** `status` values: taken (the money moved), or read and skipped (it did not, or not yet). */
export const RAIL_REPORT_STATUSES = {
  taken: [
    'success',
    'succeeded',
    'successful',
    'completed',
    'paid',
    'settled',
    'thành công',
    'đã thanh toán',
    'đã quyết toán',
    'đã đối soát',
  ],
  skipped: [
    'failed',
    'fail',
    'pending',
    'processing',
    'cancelled',
    'canceled',
    'expired',
    'thất bại',
    'đang xử lý',
    'chờ xử lý',
    'đã hủy',
    'hủy',
    'hết hạn',
  ],
} as const;
