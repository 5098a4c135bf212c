import { createPrivateKey, createPublicKey, KeyObject, sign, verify } from 'node:crypto';
import { SERVICES, ServiceName, SIGNER_ROLES } from '@libs/contracts';
import { Caller, TenantlessCaller } from '../context/caller';

/** How long a signed caller is good for: one request and its retries, not a session. */
export const SIGNED_CALLER_TTL_MS = 30_000;
/** Clocks of two hosts may disagree this much. */
const CLOCK_SKEW_MS = 5_000;

interface Claims {
  /** tenant (absent for tenantless callers) */
  t?: string;
  /** actor */
  a: string;
  /** roles */
  r: readonly string[];
  /** request id */
  q: string;
  /** the partner (advertiser, licensee) the caller acts for, when it is one */
  s?: string;
  /** expires at, epoch milliseconds */
  e: number;
}

export class CallerSignatureError extends Error {}

/**
 * Signs the caller of an RPC with this service's Ed25519 key, so the serving service trusts who
 * asks only because a known signer vouched for it, never because of plain headers. The token is
 * `<signer>.<claims, base64url JSON>.<signature, base64url>`, short-lived.
 */
export class CallerSigner {
  private readonly key: KeyObject;

  constructor(
    readonly signer: ServiceName,
    privateKeyBase64: string,
    private readonly now: () => number = Date.now,
  ) {
    this.key = createPrivateKey({ key: Buffer.from(privateKeyBase64, 'base64'), format: 'der', type: 'pkcs8' });
    if (this.key.asymmetricKeyType !== 'ed25519') throw new Error('CALLER_SIGNING_KEY must be an Ed25519 key');
  }

  sign(caller: Caller | TenantlessCaller): string {
    const claims: Claims = {
      ...('tenantId' in caller ? { t: caller.tenantId } : {}),
      a: caller.actor,
      r: caller.roles,
      q: caller.requestId,
      ...(caller.subjectId ? { s: caller.subjectId } : {}),
      e: this.now() + SIGNED_CALLER_TTL_MS,
    };
    const signed = `${this.signer}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    return `${signed}.${sign(null, Buffer.from(signed), this.key).toString('base64url')}`;
  }
}

export interface VerifiedCaller {
  signer: ServiceName;
  tenantId?: string;
  actor: string;
  roles: readonly string[];
  requestId: string;
  subjectId?: string;
}

/** Checks a signed caller against the signers' public keys and what each signer may assert. */
export class CallerVerifier {
  private readonly keys = new Map<string, KeyObject>();

  /** `publicKeys`: `<service>:<base64 SPKI DER>` entries, comma-separated (CALLER_KEYS). */
  constructor(
    publicKeys: string,
    private readonly now: () => number = Date.now,
  ) {
    for (const entry of publicKeys
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean)) {
      const [signer, key] = entry.split(':');
      if (!(SERVICES as readonly string[]).includes(signer) || !key) {
        throw new Error(`CALLER_KEYS entry "${entry.slice(0, 40)}" is not <service>:<base64 public key>`);
      }
      this.keys.set(signer, createPublicKey({ key: Buffer.from(key, 'base64'), format: 'der', type: 'spki' }));
    }
  }

  verify(token: string | undefined): VerifiedCaller {
    if (!token) throw new CallerSignatureError('the message carries no signed caller');
    const parts = token.split('.');
    if (parts.length !== 3) throw new CallerSignatureError('the signed caller is malformed');
    const [signer, body, signature] = parts;
    const key = this.keys.get(signer);
    if (!key) throw new CallerSignatureError(`no key for signer ${signer.slice(0, 40)}`);
    if (!verify(null, Buffer.from(`${signer}.${body}`), key, Buffer.from(signature, 'base64url'))) {
      throw new CallerSignatureError('the caller signature does not verify');
    }
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Claims;
    if (!(claims.e > this.now() - CLOCK_SKEW_MS)) throw new CallerSignatureError('the signed caller has expired');
    if (claims.e > this.now() + SIGNED_CALLER_TTL_MS + CLOCK_SKEW_MS) {
      throw new CallerSignatureError('the signed caller expires too late');
    }
    const allowed = SIGNER_ROLES[signer as ServiceName];
    const overreach =
      allowed === 'any' ? [] : claims.r.filter((role) => !(allowed as readonly string[]).includes(role));
    if (overreach.length > 0) throw new CallerSignatureError(`${signer} may not speak for role ${overreach.join(',')}`);
    return {
      signer: signer as ServiceName,
      tenantId: claims.t,
      actor: claims.a,
      roles: claims.r,
      requestId: claims.q,
      ...(typeof claims.s === 'string' ? { subjectId: claims.s } : {}),
    };
  }
}
