import { checkSignedQuery } from './vnpay-fake-signing';
import { VnpayFakeStore } from './vnpay-fake-store';

export const PAYMENT_PAGE_PATH = '/paymentv2/vpcpay.html';
export const ERROR_PAGE_PATH = '/paymentv2/Payment/Error.html';

// The codes VNPay's error page shows for a refused payment URL.
const ERRORS: Record<string, string> = {
  '01': 'Giao dịch đã tồn tại (transaction already exists)',
  '02': 'Merchant không hợp lệ (invalid merchant: check vnp_TmnCode)',
  '03': 'Dữ liệu gửi sang không đúng định dạng (data not in the right format)',
  '70': 'Sai chữ ký (invalid signature)',
};

const REQUIRED = [
  'vnp_Version', 'vnp_Command', 'vnp_TmnCode', 'vnp_Amount', 'vnp_CurrCode', 'vnp_TxnRef', 'vnp_OrderInfo',
  'vnp_OrderType', 'vnp_Locale', 'vnp_ReturnUrl', 'vnp_IpAddr', 'vnp_CreateDate', 'vnp_ExpireDate',
]; // prettier-ignore

export type PageVisit = { shown: true; tmnCode: string; txnRef: string } | { shown: false; code: string };

/** The payer opens the pay URL: the fake checks it as VNPay does, and records the payment on first sight. */
export function visitPaymentPage(store: VnpayFakeStore, query: URLSearchParams): PageVisit {
  store.calls.create += 1;
  const terminal = store.terminal(query.get('vnp_TmnCode') ?? '');
  if (!terminal) return { shown: false, code: '02' };
  const { params, valid } = checkSignedQuery(terminal.hashSecret, query);
  if (!valid) return { shown: false, code: '70' };
  if (REQUIRED.some((name) => !params[name])) return { shown: false, code: '03' };
  if (params.vnp_Version !== '2.1.0' || params.vnp_Command !== 'pay' || params.vnp_CurrCode !== 'VND') {
    return { shown: false, code: '03' };
  }
  if (!/^[1-9][0-9]*00$/.test(params.vnp_Amount)) return { shown: false, code: '03' };
  const amount = BigInt(params.vnp_Amount) / 100n;
  const known = store.payment(terminal.tmnCode, params.vnp_TxnRef);
  if (known && (known.amount !== amount || known.createDate !== params.vnp_CreateDate))
    return { shown: false, code: '01' };
  if (!known) {
    store.addPayment({
      tmnCode: terminal.tmnCode,
      txnRef: params.vnp_TxnRef,
      amount,
      orderInfo: params.vnp_OrderInfo,
      createDate: params.vnp_CreateDate,
      state: 'on-page',
      transactionNo: null,
      payDate: null,
      refunded: 0n,
      lastIpn: null,
    });
  }
  return { shown: true, tmnCode: terminal.tmnCode, txnRef: params.vnp_TxnRef };
}

export function errorPage(code: string): string {
  return `<!doctype html><title>VNPAY</title><h1>Thông báo</h1><p>Mã lỗi: ${code}</p><p>${ERRORS[code] ?? 'Lỗi không xác định'}</p>`;
}

export function paymentPage(txnRef: string): string {
  return `<!doctype html><title>VNPAY</title><h1>Cổng thanh toán VNPAY</h1><p>Đơn hàng ${txnRef}</p>`;
}
