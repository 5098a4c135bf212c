import { RailCapabilities } from '../payment-rail';

/** What the MoMo rail can do for an agency, read from MoMo's AIO v2 documentation. */
export const MOMO_CAPABILITIES: RailCapabilities = {
  currencies: ['VND'],
  oneTimePayment: true,
  // Tokenization (linkWallet, tokenization/pay) is a permission MoMo grants per merchant contract;
  // without it MoMo refuses the linkWallet request, and a renewal needs the reader to pay again
  // (a new captureWallet payment). MomoRail saves and charges wallets (momo-saved-tokens.ts).
  automaticRenewal: 'where-contract-allows',
  refund: { full: true, partial: true },
  statusQuery: true,
  // The AIO v2 pages we read describe no settlement-report API (not verified beyond them): reports
  // come from the MoMo for Business portal (business.momo.vn); per payment, /v2/gateway/api/query.
  settlementReport: 'portal-export',
};
