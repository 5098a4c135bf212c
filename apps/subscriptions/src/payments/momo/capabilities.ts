/** What the MoMo rail can do for the agency, read from MoMo's AIO v2 documentation. */
export interface RailCapabilities {
  currencies: readonly string[];
  oneTimePayment: boolean;
  /** Renewal without the reader present. */
  automaticRenewal: 'no' | 'with-tokenization-where-contract-allows' | 'yes';
  refund: { full: boolean; partial: boolean };
  statusQuery: boolean;
  /** How the money paid is reported for settlement. */
  settlementReport: string;
}

export const MOMO_CAPABILITIES: RailCapabilities = {
  currencies: ['VND'],
  oneTimePayment: true,
  // Tokenization (linkWallet, tokenization/pay) is a permission MoMo grants per merchant contract;
  // without it a renewal needs the reader to pay again (a new captureWallet payment).
  automaticRenewal: 'with-tokenization-where-contract-allows',
  refund: { full: true, partial: true },
  statusQuery: true,
  // The AIO v2 pages we read describe no settlement-report API (not verified beyond them): reports
  // come from the MoMo for Business portal (business.momo.vn); per payment, /v2/gateway/api/query.
  settlementReport: 'none by API in the pages read: MoMo for Business portal; per payment /v2/gateway/api/query',
};
