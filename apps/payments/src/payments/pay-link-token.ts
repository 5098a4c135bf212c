import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * The secret in a payment's link (`/pay/<payment id>?token=…`), derived from the payment's id
 * with keys derived from `CREDENTIALS_KEY`: the link can be given again to the stream that asked
 * (a retried request) without storing it, and it opens with any listed key, so a key rotation
 * does not break links already sent.
 */
export class PayLinkTokens {
  private readonly keys: Buffer[];

  constructor(credentialsKeyList: string) {
    this.keys = credentialsKeyList
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '')
      .map((entry) => Buffer.from(entry.includes(':') ? entry.slice(entry.indexOf(':') + 1) : entry, 'base64'))
      .map((key) => Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'payments pay-link token', 32)));
    if (this.keys.length === 0) throw new Error('CREDENTIALS_KEY is required for pay links');
  }

  tokenOf(paymentId: string): string {
    return this.tokenWith(this.keys[0], paymentId);
  }

  matches(paymentId: string, token: string): boolean {
    const given = createHash('sha256').update(token).digest();
    return this.keys.some((key) =>
      timingSafeEqual(createHash('sha256').update(this.tokenWith(key, paymentId)).digest(), given),
    );
  }

  private tokenWith(key: Buffer, paymentId: string): string {
    return createHmac('sha256', key).update(paymentId).digest('base64url');
  }
}
