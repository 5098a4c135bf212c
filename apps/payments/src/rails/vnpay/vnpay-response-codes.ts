// VNPay's codes as its PAY 2.1.0 tables give them (sandbox.vnpayment.vn/apis/docs: "Bảng mã lỗi",
// and the querydr/refund page), in English, for the person reading a failure.

/** vnp_ResponseCode of a payment (return URL and IPN). */
const PAYMENT_RESPONSES: Readonly<Record<string, string>> = {
  '00': 'transaction successful',
  '07': 'money taken but the transaction is suspected (fraud, unusual activity)',
  '09': 'card or account not registered for internet banking',
  '10': 'card or account authentication failed more than 3 times',
  '11': 'payment waiting time expired',
  '12': 'card or account locked',
  '13': 'wrong one-time password (OTP)',
  '24': 'customer cancelled the transaction',
  '51': 'insufficient balance',
  '65': 'daily transaction limit exceeded',
  '75': 'paying bank under maintenance',
  '79': 'wrong payment password too many times',
  '99': 'other error',
};

/** vnp_TransactionStatus of a transaction (IPN, querydr, refund). */
const TRANSACTION_STATUSES: Readonly<Record<string, string>> = {
  '00': 'transaction successful',
  '01': 'transaction not completed',
  '02': 'transaction failed',
  '04': 'reversed (the bank took the money but VNPay did not complete the transaction)',
  '05': 'VNPay is processing this refund',
  '06': 'VNPay has sent the refund to the bank',
  '07': 'transaction suspected of fraud',
  '09': 'refund refused',
};

/** vnp_ResponseCode of a querydr or refund answer. */
const API_RESPONSES: Readonly<Record<string, string>> = {
  '00': 'request handled',
  '02': 'invalid terminal code (vnp_TmnCode)',
  '03': 'data not in the right format',
  '91': 'transaction not found',
  '94': 'duplicate request (for a refund: one is already being processed)',
  '95': 'the transaction did not succeed at VNPay, which refuses the request',
  '97': 'invalid checksum',
  '99': 'other error',
};

function described(table: Readonly<Record<string, string>>, code: string): string {
  return `${code} ${Object.hasOwn(table, code) ? table[code] : 'unknown code'}`;
}

/** A payment's failure as "responseCode meaning / status meaning". */
export function paymentFailureOf(responseCode: string, transactionStatus: string): string {
  return `${described(PAYMENT_RESPONSES, responseCode)} / status ${described(TRANSACTION_STATUSES, transactionStatus)}`;
}

export function transactionStatusMeaning(status: string): string {
  return described(TRANSACTION_STATUSES, status);
}

export function apiResponseMeaning(code: string): string {
  return described(API_RESPONSES, code);
}
