import { createHash } from 'node:crypto';

/**
 * The payer's id at the rail (MoMo's partnerClientId, which MoMo links to the payer's wallet): a
 * digest of the agency and the stream's payer key, so the rail learns no email or reader key, and
 * one payer of two agencies is two strangers to it. Fits MoMo's `^[0-9a-zA-Z]([-_.@]*[0-9a-zA-Z]+)*$`.
 */
export function payerReferenceOf(tenantId: string, payerKey: string): string {
  return createHash('sha256').update(`${tenantId}\n${payerKey}`, 'utf8').digest('hex').slice(0, 40);
}
