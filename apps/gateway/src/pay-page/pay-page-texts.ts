import type { PaymentRailName } from '@libs/contracts';
import type { PayerLanguage } from './payer-language';

/** Why the payer is asked to choose again. */
export type ChooseNotice = 'last-attempt-failed' | 'rail-refused' | 'rail-not-offered' | 'rail-unavailable';

/** Everything the pay pages say, in one language. */
export interface PayPageTexts {
  htmlLang: string;
  otherLanguage: string;
  payTitle: (agency: string) => string;
  amount: string;
  paysFor: string;
  payee: string;
  payBy: string;
  chooseRail: string;
  rails: Record<PaymentRailName, string>;
  notices: Record<ChooseNotice, string>;
  qrTitle: string;
  scanWith: (rail: PaymentRailName) => string;
  qrLabel: string;
  openRailPage: (rail: PaymentRailName) => string;
  afterPaying: string;
  statusLink: string;
  waitingTitle: string;
  waiting: string;
  paidTitle: string;
  paid: string;
  backTo: (agency: string) => string;
  expiredTitle: string;
  expired: string;
  failedTitle: string;
  failed: string;
  tryAnotherWay: string;
  notFoundTitle: string;
  notFound: string;
  rateLimitedTitle: string;
  rateLimited: string;
  unavailableTitle: string;
  unavailable: string;
}

const RAIL_NAMES: Record<PaymentRailName, string> = { momo: 'MoMo', vnpay: 'VNPay', payos: 'payOS' };

export const PAY_PAGE_TEXTS: Record<PayerLanguage, PayPageTexts> = {
  vi: {
    htmlLang: 'vi',
    otherLanguage: 'English',
    payTitle: (agency) => `Thanh toán cho ${agency}`,
    amount: 'Số tiền',
    paysFor: 'Nội dung',
    payee: 'Đơn vị nhận',
    payBy: 'Hạn thanh toán',
    chooseRail: 'Chọn cách thanh toán',
    rails: {
      momo: 'Ví MoMo',
      vnpay: 'VNPay: thẻ ATM, thẻ quốc tế, QR ngân hàng',
      payos: 'Chuyển khoản ngân hàng bằng VietQR (payOS)',
    },
    notices: {
      'last-attempt-failed': 'Lần thanh toán trước chưa thành công. Bạn có thể thử lại hoặc chọn cách khác.',
      'rail-refused': 'Không thể thanh toán bằng cách này. Vui lòng chọn cách khác.',
      'rail-not-offered': 'Cách thanh toán này không áp dụng cho khoản thanh toán này.',
      'rail-unavailable': 'Cổng thanh toán đang không phản hồi. Vui lòng thử lại sau ít phút hoặc chọn cách khác.',
    },
    qrTitle: 'Quét mã QR để thanh toán',
    scanWith: (rail) =>
      rail === 'momo'
        ? 'Mở ứng dụng MoMo và quét mã dưới đây.'
        : 'Mở ứng dụng ngân hàng của bạn và quét mã dưới đây. Số tiền và nội dung chuyển khoản đã có sẵn trong mã.',
    qrLabel: 'Mã QR thanh toán',
    openRailPage: (rail) => `Mở trang thanh toán của ${RAIL_NAMES[rail]}`,
    afterPaying: 'Sau khi thanh toán, hãy xem trạng thái để biết khoản thanh toán đã được xác nhận.',
    statusLink: 'Xem trạng thái thanh toán',
    waitingTitle: 'Đang chờ thanh toán',
    waiting: 'Chúng tôi đang chờ xác nhận thanh toán. Trang này tự cập nhật mỗi 3 giây.',
    paidTitle: 'Đã thanh toán',
    paid: 'Thanh toán thành công. Cảm ơn bạn!',
    backTo: (agency) => `Quay lại ${agency}`,
    expiredTitle: 'Yêu cầu thanh toán đã hết hạn',
    expired: 'Yêu cầu thanh toán này đã hết hạn. Vui lòng quay lại trang bạn đã mua để tạo yêu cầu mới.',
    failedTitle: 'Thanh toán chưa thành công',
    failed: 'Lần thanh toán vừa rồi chưa thành công.',
    tryAnotherWay: 'Thử lại hoặc chọn cách khác',
    notFoundTitle: 'Không tìm thấy yêu cầu thanh toán',
    notFound: 'Không tìm thấy yêu cầu thanh toán này. Hãy kiểm tra lại đường dẫn bạn đã nhận.',
    rateLimitedTitle: 'Thử lại sau',
    rateLimited: 'Quá nhiều yêu cầu. Vui lòng thử lại sau một phút.',
    unavailableTitle: 'Tạm thời gián đoạn',
    unavailable: 'Dịch vụ đang bận. Vui lòng thử lại sau ít phút.',
  },
  en: {
    htmlLang: 'en',
    otherLanguage: 'Tiếng Việt',
    payTitle: (agency) => `Pay ${agency}`,
    amount: 'Amount',
    paysFor: 'For',
    payee: 'Paid to',
    payBy: 'Pay by',
    chooseRail: 'Choose how to pay',
    rails: {
      momo: 'MoMo wallet',
      vnpay: 'VNPay: ATM card, international card, bank QR',
      payos: 'Bank transfer by VietQR (payOS)',
    },
    notices: {
      'last-attempt-failed': 'Your last attempt did not go through. You can try again or choose another way.',
      'rail-refused': 'This way of paying could not be used. Please choose another.',
      'rail-not-offered': 'This way of paying is not offered for this payment.',
      'rail-unavailable':
        'The payment provider is not answering. Please try again in a few minutes or choose another way.',
    },
    qrTitle: 'Scan the QR code to pay',
    scanWith: (rail) =>
      rail === 'momo'
        ? 'Open the MoMo app and scan the code below.'
        : 'Open your banking app and scan the code below. The amount and the transfer note are in the code.',
    qrLabel: 'Payment QR code',
    openRailPage: (rail) => `Open the ${RAIL_NAMES[rail]} payment page`,
    afterPaying: 'Once you have paid, check the status to see the payment confirmed.',
    statusLink: 'Check the payment status',
    waitingTitle: 'Waiting for your payment',
    waiting: 'We are waiting for the payment to be confirmed. This page refreshes every 3 seconds.',
    paidTitle: 'Paid',
    paid: 'Your payment went through. Thank you!',
    backTo: (agency) => `Back to ${agency}`,
    expiredTitle: 'This payment request has expired',
    expired: 'This payment request has expired. Please go back to where you were buying to start again.',
    failedTitle: 'The payment did not go through',
    failed: 'Your last attempt did not go through.',
    tryAnotherWay: 'Try again or choose another way',
    notFoundTitle: 'Payment not found',
    notFound: 'We could not find this payment request. Please check the link you were given.',
    rateLimitedTitle: 'Try again later',
    rateLimited: 'Too many requests. Please try again in a minute.',
    unavailableTitle: 'Temporarily unavailable',
    unavailable: 'The service is busy. Please try again in a few minutes.',
  },
};
