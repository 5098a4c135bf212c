import type { SigningKey } from './signed-tokens';

/** `PAYWALL_TOKEN_KEYS`: `id:base64secret` pairs, comma-separated, the signing key first. */
export function parseSigningKeys(text: string): SigningKey[] {
  return text.split(',').map((pair) => {
    const [id, secret] = pair.split(':');
    return { id, secret: Buffer.from(secret, 'base64') };
  });
}
