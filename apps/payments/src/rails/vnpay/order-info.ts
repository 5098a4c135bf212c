import { refuse } from './vnpay-fields';

// vnp_OrderInfo: "Tiếng Việt không dấu và không bao gồm các ký tự đặc biệt", Alphanumeric[1,255].
// Reading taken: VNPay's own example carries ':' ("Thanh toan don hang :5"), so a few plain
// punctuation marks are kept; anything else, including ! ' ( ) * ~ where VNPay's sample encoders
// disagree, is refused.
const PLAIN_CHARACTERS = 'A-Za-z0-9 .,:#/_-';
const ORDER_INFO = new RegExp(`^[${PLAIN_CHARACTERS}]{1,255}$`);
const NOT_PLAIN = new RegExp(`[^${PLAIN_CHARACTERS}]+`, 'g');

/** Vietnamese text without its accents (đ becomes d). */
function withoutAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .trim();
}

/** Vietnamese text without its accents, checked against what VNPay accepts. */
export function orderInfoWithoutAccents(field: string, text: string): string {
  const plain = withoutAccents(text);
  if (!ORDER_INFO.test(plain)) refuse(field, `after removing accents does not match ${ORDER_INFO.source}`);
  return plain;
}

/** Free text (a refund's reason) made acceptable: accents removed, other characters as spaces, cut to 255. */
export function plainOrderInfo(text: string, fallback: string): string {
  const plain = withoutAccents(text).replace(NOT_PLAIN, ' ').replace(/\s+/g, ' ').slice(0, 255).trim();
  return plain === '' ? fallback : plain;
}
