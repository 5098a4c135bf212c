// What the VNPay rail (PAY 2.1.0, as built in this folder) can do, for whoever picks a rail.

export interface RailCapabilities {
  rail: 'vnpay';
  currencies: readonly string[];
  oneTimePayment: boolean;
  /** Charging again later without the reader present. */
  automaticRenewal: { supported: boolean; note: string };
  refund: { full: boolean; partial: boolean };
  statusQuery: boolean;
  settlementReport: { api: boolean; note: string };
}

export const VNPAY_CAPABILITIES: RailCapabilities = {
  rail: 'vnpay',
  currencies: ['VND'],
  oneTimePayment: true,
  automaticRenewal: {
    supported: false,
    note:
      'PAY 2.1.0 has no stored credential: each payment is made by the reader on VNPay pages. VNPay sells ' +
      'token payment and recurring payment ("thanh toan dinh ky") as separate products under their own ' +
      'contracts and APIs; neither is built here.',
  },
  refund: { full: true, partial: true },
  statusQuery: true,
  settlementReport: {
    api: false,
    note:
      'The PAY 2.1.0 documents read here (pay, querydr/refund) describe no settlement or reconciliation ' +
      'API; querydr answers for one transaction at a time. Reconciliation reports come from the VNPay ' +
      'merchant portal (merchantv2), which we did not find documented as an API.',
  },
};
