import { createDecipheriv } from 'node:crypto';
import { MomoRequestError } from './momo-request.error';

/** AES-256 takes a key of 32 bytes: MoMo's secret keys are 32 ASCII characters. */
const KEY_BYTES = 32;
const ZERO_IV = Buffer.alloc(16, 0);
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Opens the `aesToken` of MoMo's tokenization/cbToken answer. The binding pages say only that the
 * token comes back "encrypted using AES" for the merchant to keep; the reading taken is MoMo's own
 * sample (github.com/momo-wallet/payment, nodejs/AES_Test.js): AES-256-CBC, the partner's secretKey
 * (its UTF-8 bytes) as the key, an IV of sixteen zero bytes, PKCS#7 padding, base64. Its published
 * ciphertext opens under its published key, which the spec checks.
 */
export function openMomoAesToken(aesToken: string, secretKey: string): string {
  const key = Buffer.from(secretKey, 'utf8');
  if (key.length !== KEY_BYTES)
    throw new MomoRequestError('secretKey', `AES-256 needs a ${KEY_BYTES}-byte secret key, not ${key.length}`);
  if (!BASE64.test(aesToken) || aesToken.length % 4 !== 0) throw new MomoRequestError('aesToken', 'not base64');
  const sealed = Buffer.from(aesToken, 'base64');
  if (sealed.length === 0 || sealed.length % 16 !== 0)
    throw new MomoRequestError('aesToken', 'not a whole number of AES blocks');
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, ZERO_IV);
    const token = Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8');
    if (token.length === 0) throw new MomoRequestError('aesToken', 'opens to an empty token');
    return token;
  } catch (error) {
    if (error instanceof MomoRequestError) throw error;
    throw new MomoRequestError('aesToken', 'does not open under our secret key');
  }
}
