import { refuse } from './vnpay-fields';

// vnp_OrderInfo: "Tiếng Việt không dấu và không bao gồm các ký tự đặc biệt", Alphanumeric[1,255].
// Reading taken: VNPay's own example carries ':' ("Thanh toan don hang :5"), so a few plain
// punctuation marks are kept; anything else, including ! ' ( ) * ~ where VNPay's sample encoders
// disagree, is refused.
const ORDER_INFO = /^[A-Za-z0-9 .,:#/_-]{1,255}$/;

/** Vietnamese text without its accents (đ becomes d), checked against what VNPay accepts. */
export function orderInfoWithoutAccents(field: string, text: string): string {
  const plain = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .trim();
  if (!ORDER_INFO.test(plain)) refuse(field, `after removing accents does not match ${ORDER_INFO.source}`);
  return plain;
}
