import { compactDecrypt, CompactEncrypt } from 'jose';
import { createPrivateKey, createPublicKey, KeyObject } from 'node:crypto';

/**
 * Credentials an agency hands the suite cross the bus sealed: the gateway, which receives them,
 * seals them to the public key of the service that owns them (JWE, ECDH-ES over X25519 with
 * A256GCM); only that service holds the private key. The agency's id is in the authenticated
 * header, so credentials sealed for one agency do not open as another's.
 */
export class CredentialSealer {
  private readonly key: KeyObject;

  /** `publicKeyBase64`: the owning service's X25519 public key, base64 SPKI DER. */
  constructor(publicKeyBase64: string) {
    this.key = createPublicKey({ key: Buffer.from(publicKeyBase64, 'base64'), format: 'der', type: 'spki' });
    if (this.key.asymmetricKeyType !== 'x25519') throw new Error('the sealing public key must be an X25519 key');
  }

  seal(tenantId: string, credentials: object): Promise<string> {
    return new CompactEncrypt(Buffer.from(JSON.stringify(credentials)))
      .setProtectedHeader({ alg: 'ECDH-ES', enc: 'A256GCM', tenant: tenantId })
      .encrypt(this.key);
  }
}

export class SealedCredentialsError extends Error {}

export class CredentialOpener {
  private readonly key: KeyObject;

  /** `privateKeyBase64`: this service's X25519 private key, base64 PKCS#8 DER. */
  constructor(privateKeyBase64: string) {
    this.key = createPrivateKey({ key: Buffer.from(privateKeyBase64, 'base64'), format: 'der', type: 'pkcs8' });
    if (this.key.asymmetricKeyType !== 'x25519') throw new Error('the sealing key must be an X25519 key');
  }

  async open(tenantId: string, sealed: string): Promise<unknown> {
    let opened: Awaited<ReturnType<typeof compactDecrypt>>;
    try {
      opened = await compactDecrypt(sealed, this.key, { keyManagementAlgorithms: ['ECDH-ES'] });
    } catch {
      throw new SealedCredentialsError('the sealed credentials do not open with this service key');
    }
    if (opened.protectedHeader.tenant !== tenantId) {
      throw new SealedCredentialsError('the credentials were sealed for another agency');
    }
    return JSON.parse(Buffer.from(opened.plaintext).toString('utf8')) as unknown;
  }
}
