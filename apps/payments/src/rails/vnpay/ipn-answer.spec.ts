import { IpnAnswer, ipnAnswer, IpnDecision } from './ipn-answer';

describe('IPN answer to VNPay', () => {
  it.each<[IpnDecision['kind'], IpnAnswer]>([
    ['confirmed', { RspCode: '00', Message: 'Confirm Success' }],
    ['order-not-found', { RspCode: '01', Message: 'Order not found' }],
    ['order-already-confirmed', { RspCode: '02', Message: 'Order already confirmed' }],
    ['invalid-amount', { RspCode: '04', Message: 'Invalid amount' }],
    ['invalid-checksum', { RspCode: '97', Message: 'Invalid Checksum' }],
    ['unknown-error', { RspCode: '99', Message: 'Unknown error' }],
  ])('answers %s with %p', (kind, body) => {
    expect(ipnAnswer({ kind } as IpnDecision)).toEqual(body);
  });

  it('refuses a decision it does not know instead of answering something', () => {
    expect(() => ipnAnswer({ kind: 'maybe' } as unknown as IpnDecision)).toThrow();
  });
});
