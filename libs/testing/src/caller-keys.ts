import { generateKeyPairSync } from 'node:crypto';
import { SERVICES, ServiceName } from '@libs/contracts';

export interface CallerKeys {
  /** CALLER_KEYS: every service's public key. */
  publicKeys: string;
  /** CALLER_SIGNING_KEY of one service. */
  signingKeyOf(service: ServiceName): string;
}

/** An Ed25519 key pair per service, made for one test run (as `npm start` makes them once per machine). */
export function callerKeyPairs(): CallerKeys {
  const pairs = new Map(
    SERVICES.map((service) => {
      const { publicKey, privateKey } = generateKeyPairSync('ed25519');
      return [
        service,
        {
          public: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
          private: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
        },
      ] as const;
    }),
  );
  return {
    publicKeys: [...pairs].map(([service, pair]) => `${service}:${pair.public}`).join(','),
    signingKeyOf: (service) => pairs.get(service)!.private,
  };
}

/** An X25519 pair: the gateway seals agencies' credentials to the public half, subscriptions opens them. */
export function credentialSealingKeys(): { publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return {
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  };
}
