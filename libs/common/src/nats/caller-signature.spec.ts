import { callerKeyPairs } from '@libs/testing';
import { CallerSigner, CallerVerifier, SIGNED_CALLER_TTL_MS } from './caller-signature';

describe('signed callers', () => {
  const keys = callerKeyPairs();
  const now = 1_800_000_000_000;
  const verifier = new CallerVerifier(keys.publicKeys, () => now);
  const admin = { tenantId: 't-1', actor: 'user:1', roles: ['admin'], requestId: 'r-1' };

  it('verifies what a known signer signed, as it was signed', () => {
    const token = new CallerSigner('gateway', keys.signingKeyOf('gateway'), () => now).sign(admin);
    expect(verifier.verify(token)).toEqual({ signer: 'gateway', ...admin });
    const tenantless = new CallerSigner('gateway', keys.signingKeyOf('gateway'), () => now).sign({
      actor: 'gift-page',
      roles: ['reader'],
      requestId: 'r-2',
    });
    expect(verifier.verify(tenantless).tenantId).toBeUndefined();
  });

  it('carries the partner a key acts for, signed with the rest', () => {
    const advertiser = { ...admin, roles: ['advertiser'], subjectId: 'adv-1' };
    const token = new CallerSigner('gateway', keys.signingKeyOf('gateway'), () => now).sign(advertiser);
    expect(verifier.verify(token)).toEqual({ signer: 'gateway', ...advertiser });
    const [signer, , signature] = token.split('.');
    const other = Buffer.from(
      JSON.stringify({ t: 't-1', a: 'user:1', r: ['advertiser'], q: 'r-1', s: 'adv-2', e: now + 1000 }),
    );
    expect(() => verifier.verify([signer, other.toString('base64url'), signature].join('.'))).toThrow(
      /does not verify/,
    );
  });

  it.each([
    ['nothing', undefined, /no signed caller/],
    ['garbage', 'not-a-token', /malformed/],
    ['an unknown signer', 'nobody.e30.AAAA', /no key for signer/],
  ])('refuses %s', (_what, token, message) => {
    expect(() => verifier.verify(token)).toThrow(message);
  });

  it('refuses changed claims, another signer name, expiry and roles the signer may not assert', () => {
    const token = new CallerSigner('gateway', keys.signingKeyOf('gateway'), () => now).sign(admin);
    const [signer, , signature] = token.split('.');
    const widened = Buffer.from(JSON.stringify({ t: 't-2', a: 'user:1', r: ['admin'], q: 'r-1', e: now + 1000 }));
    expect(() => verifier.verify([signer, widened.toString('base64url'), signature].join('.'))).toThrow(
      /does not verify/,
    );
    expect(() => verifier.verify(['finance', ...token.split('.').slice(1)].join('.'))).toThrow(/does not verify/);
    const old = new CallerSigner('gateway', keys.signingKeyOf('gateway'), () => now - SIGNED_CALLER_TTL_MS - 10_000);
    expect(() => verifier.verify(old.sign(admin))).toThrow(/expired/);
    const finance = new CallerSigner('finance', keys.signingKeyOf('finance'), () => now);
    expect(() => verifier.verify(finance.sign(admin))).toThrow(/may not speak for role admin/);
    expect(verifier.verify(finance.sign({ ...admin, roles: ['reconciliation-import'] })).signer).toBe('finance');
    const paywall = new CallerSigner('paywall', keys.signingKeyOf('paywall'), () => now);
    expect(() => verifier.verify(paywall.sign({ ...admin, roles: ['reader'] }))).toThrow(/may not speak for role/);
  });
});
