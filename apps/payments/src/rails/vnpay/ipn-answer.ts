import { assertUnreachable } from '@libs/common';

// The body our IPN endpoint answers VNPay with (HTTP 200, JSON). VNPay acts on RspCode alone: on
// '00' and '02' it stops retrying; on the others it retries the IPN. The documented order of checks
// is: checksum (97), order exists (01), amount matches (04), not already confirmed (02), then record
// the outcome and answer 00 — whether the payment succeeded or failed, once it is recorded.
// Reading taken for Message: VNPay's samples word it differently ("Invalid signature", "Fail
// checksum", "Unknow error"); the texts below follow the parameter table and are not read by VNPay.

export type IpnDecision =
  | { kind: 'confirmed' }
  | { kind: 'order-not-found' }
  | { kind: 'order-already-confirmed' }
  | { kind: 'invalid-amount' }
  | { kind: 'invalid-checksum' }
  | { kind: 'unknown-error' };

export interface IpnAnswer {
  RspCode: '00' | '01' | '02' | '04' | '97' | '99';
  Message: string;
}

export function ipnAnswer(decision: IpnDecision): IpnAnswer {
  switch (decision.kind) {
    case 'confirmed':
      return { RspCode: '00', Message: 'Confirm Success' };
    case 'order-not-found':
      return { RspCode: '01', Message: 'Order not found' };
    case 'order-already-confirmed':
      return { RspCode: '02', Message: 'Order already confirmed' };
    case 'invalid-amount':
      return { RspCode: '04', Message: 'Invalid amount' };
    case 'invalid-checksum':
      return { RspCode: '97', Message: 'Invalid Checksum' };
    case 'unknown-error':
      return { RspCode: '99', Message: 'Unknown error' };
    default:
      return assertUnreachable(decision);
  }
}
