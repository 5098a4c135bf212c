import { credentialSealingKeys } from '@libs/testing';
import { CredentialOpener, CredentialSealer } from './sealed-credentials';

describe('sealed credentials', () => {
  const keys = credentialSealingKeys();
  const sealer = new CredentialSealer(keys.publicKey);
  const opener = new CredentialOpener(keys.privateKey);

  it('opens for the agency they were sealed for, and hide the secret in transit', async () => {
    const sealed = await sealer.seal('tenant-a', { secretKey: 'sk_test_abcdefgh12345678' });
    expect(sealed).not.toContain('sk_test');
    expect(Buffer.from(sealed.split('.')[3], 'base64url').toString('latin1')).not.toContain('sk_test');
    await expect(opener.open('tenant-a', sealed)).resolves.toEqual({ secretKey: 'sk_test_abcdefgh12345678' });
  });

  it("refuses another agency's credentials, another key's, and a tampered header", async () => {
    const sealed = await sealer.seal('tenant-a', { secretKey: 'sk_test_abcdefgh12345678' });
    await expect(opener.open('tenant-b', sealed)).rejects.toThrow(/another agency/);
    const stranger = new CredentialOpener(credentialSealingKeys().privateKey);
    await expect(stranger.open('tenant-a', sealed)).rejects.toThrow(/do not open/);
    const [header, ...rest] = sealed.split('.');
    const claimed = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forgedHeader = Buffer.from(JSON.stringify({ ...claimed, tenant: 'tenant-b' })).toString('base64url');
    await expect(opener.open('tenant-b', [forgedHeader, ...rest].join('.'))).rejects.toThrow(/do not open/);
  });
});
