import { jwtVerify, SignJWT } from 'jose';

export interface AccessTokenClaims {
  sub: string;
  tenantId: string;
  sessionId: string;
}

/** Short-lived HS256 JWTs for console users; the session row decides idle timeout and logout. */
export class AccessTokens {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly ttlMinutes: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  issue(claims: AccessTokenClaims): Promise<string> {
    return new SignJWT({ tid: claims.tenantId, sid: claims.sessionId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.sub)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlMinutes}m`)
      .setAudience('revenue-console')
      .sign(this.key);
  }

  async verify(token: string): Promise<AccessTokenClaims | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], audience: 'revenue-console' });
      if (typeof payload.sub !== 'string' || typeof payload.tid !== 'string' || typeof payload.sid !== 'string')
        return null;
      return { sub: payload.sub, tenantId: payload.tid, sessionId: payload.sid };
    } catch {
      return null;
    }
  }

  get expiresInSeconds(): number {
    return this.ttlMinutes * 60;
  }
}
