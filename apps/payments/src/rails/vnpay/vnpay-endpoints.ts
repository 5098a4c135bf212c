import { RailEndpoints } from '../payment-rail';

// VNPay's published addresses. The sandbox serves the payment page and the merchant API from one
// host; production splits them: the payment page at https://pay.vnpay.vn/vpcpay.html (no
// /paymentv2 prefix) and querydr/refund at https://merchant.vnpay.vn/merchant_webapi/api/transaction
// (as VNPay's integration guides and the SDKs built on them give them).
export const VNPAY_ENDPOINTS: RailEndpoints = {
  sandbox: 'https://sandbox.vnpayment.vn',
  production: 'https://pay.vnpay.vn',
};

const PRODUCTION_API_HOST = 'https://merchant.vnpay.vn';
const TRANSACTION_API_PATH = '/merchant_webapi/api/transaction';

export interface VnpayAddresses {
  paymentPage: string;
  transactionApi: string;
}

/**
 * Where the payer is sent and where querydr/refund are POSTed, from the one base URL the port gives
 * per environment. Reading taken: the production base URL is the payment host, and its API host is
 * derived here; any other base (the sandbox, or a PAYMENT_RAIL_URLS override such as the test fake)
 * carries both paths as the sandbox does.
 */
export function vnpayAddresses(baseUrl: string): VnpayAddresses {
  const base = baseUrl.replace(/\/+$/, '');
  if (base === VNPAY_ENDPOINTS.production) {
    return { paymentPage: `${base}/vpcpay.html`, transactionApi: `${PRODUCTION_API_HOST}${TRANSACTION_API_PATH}` };
  }
  return { paymentPage: `${base}/paymentv2/vpcpay.html`, transactionApi: `${base}${TRANSACTION_API_PATH}` };
}
