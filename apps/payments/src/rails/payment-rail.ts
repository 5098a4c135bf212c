import { PaymentRailName, RailEnvironment } from '@libs/contracts';

/** What a rail can do, declared by its adapter and read by everything that decides how to take money. */
export interface RailCapabilities {
  currencies: readonly string[];
  oneTimePayment: boolean;
  /** A renewal charged without the payer present (a saved token), where the merchant's contract allows it. */
  automaticRenewal: 'no' | 'where-contract-allows' | 'yes';
  refund: { full: boolean; partial: boolean };
  statusQuery: boolean;
  /** How the money paid is reported for settlement: by API, or as an export from the merchant portal. */
  settlementReport: 'api' | 'portal-export';
}

/** The published addresses of a rail's API, per environment (the payment page, for redirect rails, included). */
export interface RailEndpoints {
  sandbox: string;
  production: string;
}

/** An agency's account on a rail, its credentials opened (as `checkCredentials` answered them). */
export interface RailAccount {
  id: string;
  tenantId: string;
  rail: PaymentRailName;
  environment: RailEnvironment;
  credentials: Readonly<Record<string, string>>;
  /** Where the rail's API is reached for this account's environment. */
  baseUrl: string;
}

/** Credentials as the adapter accepts them, and the merchant identifier the API may show. */
export interface CheckedCredentials {
  credentials: Record<string, string>;
  merchantId: string;
}

/** One attempt of a payer on the rail, as the adapter needs it to ask the rail for a payment. */
export interface AttemptToStart {
  /** Unique per account, `[A-Za-z0-9]{20,32}`: MoMo's orderId, VNPay's vnp_TxnRef. */
  orderReference: string;
  /** Unique per account, a positive integer below 2^53: payOS's orderCode. */
  orderCode: number;
  /** In the currency's minor units (VND has none). */
  amount: bigint;
  currency: string;
  /** For the payer; may hold Vietnamese: an adapter removes accents where its rail refuses them. */
  description: string;
  buyer: { name: string | null; email: string | null; phone: string | null };
  /** Where the payer's browser comes back when done (paid, failed or cancelled). */
  returnUrl: string;
  /** Where the rail must send its notification of this attempt. */
  notificationUrl: string;
  clientIp: string;
  locale: 'vi' | 'en';
  createdAt: Date;
  expiresAt: Date;
  /** A rail's own method (MoMo `captureWallet` / `payWithMethod`, a VNPay bank code); the adapter checks it. */
  method: string | null;
  /**
   * The payer's id at the rail when this attempt should also save the payer's wallet (MoMo's
   * partnerClientId); absent or null for a plain payment. Only rails with `chargeSavedToken` read it.
   */
  saveTokenFor?: string | null;
}

export interface StartedAttempt {
  redirectUrl: string | null;
  /** The QR payload to render (VietQR / EMVCo text), when the rail gives one. */
  qrCode: string | null;
  /** The rail's own id for the attempt, when it gives one at creation (payOS paymentLinkId). */
  providerReference: string | null;
}

/** What the rail states about one attempt, from a verified notification or a status query. */
export interface AttemptReport {
  /** As sent: the orderReference, or for rails keyed by number the orderCode in decimal. */
  orderReference: string;
  /** `pending`: not paid yet, may still be; `not-found`: the rail has never seen it. */
  outcome: 'succeeded' | 'failed' | 'pending' | 'not-found';
  /** What the rail says was paid, in minor units; null when it does not say (a failure, say). */
  amount: bigint | null;
  currency: string | null;
  providerTransactionId: string | null;
  /** The rail's code and message, for a failure. */
  failure: string | null;
  occurredAt: Date | null;
  /** The attempt also saved the payer's wallet: what `claimSavedToken` needs to fetch the token. */
  savedTokenClaim?: SavedTokenClaim | null;
}

/** A rail's word that a wallet was saved, and the one-time secret that fetches its token. */
export interface SavedTokenClaim {
  orderReference: string;
  /** The payer's id at the rail, as the attempt gave it (`AttemptToStart.saveTokenFor`). */
  payerReference: string;
  /** One-time and secret (MoMo's callbackToken): never stored, never logged. */
  claimSecret: string;
}

/** A payer's saved wallet, as the rail gave it. */
export interface SavedToken {
  /** The token that charges the wallet: a secret, sealed at rest, never in an event, a log or a view. */
  providerToken: string;
  /** What the payer would recognise (their wallet, a masked number). */
  label: string;
}

/** A charge of a saved wallet, the payer absent. */
export interface SavedTokenCharge {
  orderReference: string;
  orderCode: number;
  payerReference: string;
  providerToken: string;
  amount: bigint;
  currency: string;
  description: string;
  notificationUrl: string;
  /** Where a rail that insists on one would send a browser; nobody is there to follow it. */
  returnUrl: string;
  clientIp: string;
}

/** A notification as it arrived, untouched: the adapter verifies the exact bytes or parameters. */
export interface IncomingNotification {
  method: 'GET' | 'POST';
  query: URLSearchParams;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  body: Buffer;
}

export type NotificationReading =
  | {
      verified: true;
      report: AttemptReport;
      /** One per provider transaction and outcome: the same notification sent again has the same key. */
      dedupeKey: string;
    }
  | { verified: false; reason: 'bad-signature' | 'malformed'; detail: string };

/** What the payments service concluded, for the adapter to answer in the rail's own words. */
export type NotificationVerdict =
  | 'accepted'
  | 'duplicate'
  | 'already-settled'
  | 'unknown-order'
  | 'amount-mismatch'
  | 'bad-signature'
  | 'malformed'
  | 'failed';

export interface ProviderAnswer {
  status: number;
  contentType: string | null;
  body: string;
}

/** What the adapter needs to ask the rail about an attempt. */
export interface AttemptToQuery {
  orderReference: string;
  orderCode: number;
  providerTransactionId: string | null;
  createdAt: Date;
  clientIp: string;
}

export interface RefundToRequest {
  /** Unique per account, `[A-Za-z0-9]{20,32}`. */
  refundReference: string;
  attempt: AttemptToQuery;
  amount: bigint;
  currency: string;
  /** The whole amount paid, refunded at once (VNPay tells full from partial). */
  full: boolean;
  reason: string;
  requestedBy: string;
  requestedAt: Date;
}

export interface RefundReport {
  outcome: 'succeeded' | 'failed' | 'pending';
  providerRefundId: string | null;
  failure: string | null;
}

/**
 * One rail behind one port. Only an adapter knows its provider's signature scheme and amount
 * format; everything else speaks minor units and these types. Calls that reach the rail answer
 * or throw `RailUnavailableError` (timeout, 5xx, unreadable answer).
 */
export interface PaymentRail {
  readonly name: PaymentRailName;
  readonly capabilities: RailCapabilities;
  readonly endpoints: RailEndpoints;
  /** Checks the credentials an admin pasted; a missing or malformed field is a ValidationFailedError naming `credentials.<field>`. */
  checkCredentials(input: Readonly<Record<string, string>>): CheckedCredentials;
  start(account: RailAccount, attempt: AttemptToStart): Promise<StartedAttempt>;
  /** Verifies before anything else; never throws on hostile input. */
  readNotification(account: RailAccount, notification: IncomingNotification): NotificationReading;
  answer(verdict: NotificationVerdict): ProviderAnswer;
  query(account: RailAccount, attempt: AttemptToQuery): Promise<AttemptReport>;
  /** Absent when the rail cannot refund by API (`capabilities.refund`). */
  refund?(account: RailAccount, refund: RefundToRequest): Promise<RefundReport>;
  /**
   * Saved wallets (`capabilities.automaticRenewal` other than `no`): all three present or none.
   * `claimSavedToken` fetches the token a notification announced; `chargeSavedToken` charges it
   * and answers what the rail said at once (its notification may follow, and settles the same);
   * `removeSavedToken` asks the rail to unbind it.
   */
  claimSavedToken?(account: RailAccount, claim: SavedTokenClaim): Promise<SavedToken>;
  chargeSavedToken?(account: RailAccount, charge: SavedTokenCharge): Promise<AttemptReport>;
  removeSavedToken?(account: RailAccount, token: { payerReference: string; providerToken: string }): Promise<void>;
}
