import { RailCapabilities } from '../payment-rail';

// What the VNPay rail (PAY 2.1.0, as built in this folder) can do, for whoever picks a rail.
export const VNPAY_CAPABILITIES: RailCapabilities = {
  currencies: ['VND'],
  oneTimePayment: true,
  // PAY 2.1.0 keeps no stored credential: each payment is made by the payer on VNPay's pages.
  // VNPay sells token payment and recurring payment ("thanh toan dinh ky") as separate products,
  // under their own contracts and APIs; neither is built here.
  automaticRenewal: 'no',
  refund: { full: true, partial: true },
  statusQuery: true,
  // The PAY 2.1.0 documents (pay, querydr/refund) describe no settlement or reconciliation API;
  // querydr answers for one transaction at a time. Reconciliation reports come from the VNPay
  // merchant portal (merchantv2) as exports.
  settlementReport: 'portal-export',
};
