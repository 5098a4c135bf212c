import Stripe from 'stripe';
import { StripeAccount } from '../stripe-account';
import { StripeObject, WireEvent } from '../objects/wire-types';

/**
 * Changes an object and emits the event Stripe sends for it, with `previous_attributes` holding
 * the old values of what changed (nested hashes only down to the changed keys, lists whole).
 * A change that changes nothing emits nothing.
 */
export function recordChange<T extends StripeObject>(
  account: StripeAccount,
  object: T,
  type: Stripe.Event.Type,
  request: Stripe.Event.Request,
  change: (object: T) => void,
): WireEvent | undefined {
  const before = structuredClone(object);
  change(object);
  const previous = previousAttributes(before, object);
  return previous && account.emit(type, object, request, previous);
}

export function previousAttributes(before: object, after: object): Record<string, unknown> | undefined {
  const old = before as Record<string, unknown>;
  const now = after as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(old), ...Object.keys(now)])) {
    if (JSON.stringify(old[key]) === JSON.stringify(now[key])) continue;
    const was = old[key];
    if (isHash(was) && isHash(now[key]) && was.object !== 'list')
      out[key] = previousAttributes(was, now[key] as object) ?? {};
    else out[key] = was === undefined ? null : was;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function isHash(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
