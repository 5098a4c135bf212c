import { PaymentRailName } from '@libs/contracts';

/** How the fake's payer pays, and how the fake's rail then notifies. */
export interface PayOptions {
  /** How many times the notification is sent: 0 loses it (the status job must find the payment). Default 1. */
  notifications?: number;
  /** The notification states this amount instead of what was asked, correctly signed (a tampered amount). */
  notifiedAmount?: bigint;
  /** The notification's signature is wrong. */
  badSignature?: boolean;
}

/** What the payments service answered one notification. */
export interface NotificationSent {
  status: number;
  body: string;
}

/** A notification as the rail would send it, signed, not sent: the caller sends it (as often as it likes). */
export interface RailNotification {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body: string | null;
}

/** The attempt as the payments service handed it to the payer. */
export interface StartedAttemptRef {
  redirectUrl: string | null;
  qrCode: string | null;
}

/**
 * A rail's fake server, as `test/stripe-fake` is Stripe's: it accepts the adapter's signed
 * requests (refusing badly signed ones as the rail does), plays the payer (pay, decline), sends
 * signed notifications (duplicated, lost, tampered, badly signed), and answers status queries and
 * refunds from what happened.
 */
export interface RailFake {
  readonly rail: PaymentRailName;
  /** Where the adapter reaches the fake: the `PAYMENT_RAIL_URLS` entry `<rail>=<url>`. */
  readonly url: string;
  /** A new merchant the fake knows: the credentials an agency admin would paste. */
  merchant(): Record<string, string>;
  /**
   * The URL the rail notifies a merchant at, for rails where the merchant registers it with the
   * provider (VNPay's IPN URL); rails told the URL in each request ignore it.
   */
  setNotificationUrl(merchantCredentials: Record<string, string>, url: string): void;
  /** The payer pays the attempt; answers what the payments service said to each notification sent. */
  pay(attempt: StartedAttemptRef, options?: PayOptions): Promise<NotificationSent[]>;
  /** The payer cancels, or the bank declines; the failure is notified once (or `notifications` times). */
  decline(attempt: StartedAttemptRef, options?: Pick<PayOptions, 'notifications'>): Promise<NotificationSent[]>;
  /** Sends the last notification of the attempt again, as the rail retries. */
  resend(attempt: StartedAttemptRef, options?: Pick<PayOptions, 'badSignature'>): Promise<NotificationSent>;
  /** The last notification of the attempt (after `pay` or `decline`), exactly as `resend` would send it. */
  notificationFor(attempt: StartedAttemptRef): RailNotification;
  /** How many API calls of each kind the fake received (payment creations, status queries, refunds). */
  calls(kind: 'create' | 'query' | 'refund'): number;
  close(): Promise<void>;
}

/** Sends a notification as the rails do (a redirect is an answer, not followed); answers the reply. */
export async function sendNotification(notification: RailNotification): Promise<NotificationSent> {
  const response = await fetch(notification.url, {
    method: notification.method,
    headers: notification.headers,
    body: notification.body ?? undefined,
    redirect: 'manual',
  });
  return { status: response.status, body: await response.text() };
}
