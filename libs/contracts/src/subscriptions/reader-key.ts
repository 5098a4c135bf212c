/**
 * One key per reader across the suite (entitlements, meters): the agency's own id when it has
 * one, else the email, lower-cased.
 */
export function readerKeyOf(reader: { readerId?: string | null; email?: string | null }): string {
  if (reader.readerId) return `reader:${reader.readerId}`;
  if (reader.email) return `email:${reader.email.toLowerCase()}`;
  throw new Error('a reader needs a readerId or an email');
}
