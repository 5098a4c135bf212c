import { createCipheriv } from 'node:crypto';
import { openMomoAesToken } from './momo-aes-token';

// MoMo's own AES sample (github.com/momo-wallet/payment, nodejs/AES_Test.js) publishes this key and ciphertext.
const SAMPLE_KEY = 'um76xDBeRmmj5kVMhXiCeFKixZTTlmZb';
const SAMPLE_AES_TOKEN =
  '7jI+zlRwr0tDSsUFfVCkv05wgncH8boVLIFEuu+V41Q/aS+L/VtXlzBe4W9cKmRc0fkrBVEBqXNpdvDYZ3Usi4UtVHPwWenR4QsPBuZEe3E=';

describe('openMomoAesToken (the aesToken of tokenization/cbToken)', () => {
  it("opens MoMo's published sample under its published key", () => {
    expect(openMomoAesToken(SAMPLE_AES_TOKEN, SAMPLE_KEY)).toBe(
      '519a3403c37b00bf50ab1a130db1da6959c33b5714a7fd172447edfe944a687c',
    );
  });

  it('opens a token sealed with AES-256-CBC, the secret key and a zero IV', () => {
    const key = 'spec-secret-key-0123456789abcdef';
    const cipher = createCipheriv('aes-256-cbc', Buffer.from(key), Buffer.alloc(16));
    const sealed = Buffer.concat([cipher.update('wallet-token-42'), cipher.final()]).toString('base64');
    expect(openMomoAesToken(sealed, key)).toBe('wallet-token-42');
  });

  it.each([
    ['another secret key', SAMPLE_AES_TOKEN, 'x'.repeat(32), 'aesToken'],
    ['a key that is not 32 bytes', SAMPLE_AES_TOKEN, 'short', 'secretKey'],
    ['text that is not base64', 'not base64!', SAMPLE_KEY, 'aesToken'],
    ['a broken block', 'AAAA', SAMPLE_KEY, 'aesToken'],
  ])('refuses %s, naming the field', (_case, aesToken, key, field) => {
    expect(() => openMomoAesToken(aesToken, key)).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ field })] }),
    );
  });
});
