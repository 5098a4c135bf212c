import { INVITATION_TOKEN } from '@libs/contracts';
import { hashInvitationToken, newInvitationToken } from './invitation-token';

describe('group invitation tokens', () => {
  it('have the shape the contract accepts, and differ every time', () => {
    const one = newInvitationToken();
    expect(one.token).toMatch(INVITATION_TOKEN);
    expect(newInvitationToken().token).not.toBe(one.token);
  });

  it('are kept only as their hash', () => {
    const { token, hash } = newInvitationToken();
    expect(hash.equals(hashInvitationToken(token))).toBe(true);
    expect(hash.equals(hashInvitationToken(`${token.slice(0, -1)}x`))).toBe(false);
  });
});
