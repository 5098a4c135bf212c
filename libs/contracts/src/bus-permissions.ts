import { allContracts, RpcContract } from './contract-registry';
import { ChargeSavedToken, CreatePayment, RefundPayment } from './payments/payment.rpc';
import { ListSavedTokens } from './payments/saved-token.rpc';
import { AdoptStripeAccount, GetStripeAccount } from './payments/stripe-account.rpc';
import { RelayStripeRequest } from './payments/stripe-api.rpc';
import { ListCoupons } from './subscriptions/coupon.rpc';
import { ListPlans } from './subscriptions/plan.rpc';
import { ListProviderBalanceTransactions, ListProviderPayouts } from './subscriptions/provider-balance.rpc';
import { SERVICE_ROLES, type CallerRole } from './roles';
import { DEAD_LETTER_STREAM, eventStreamsOf, SERVICES, ServiceName } from './services';

/**
 * Who may do what on the message bus. Each service connects as its own NATS user whose
 * permissions are derived from here: it publishes only its own events, serves only its own
 * request subjects, requests only the contracts it calls, reads only the streams it consumes,
 * and receives replies only on an inbox of its own. Scripts and tests connect as the operator.
 */
export const BUS_OPERATOR = 'operator';

/** The RPCs each service calls (the gateway forwards every route, so it calls every contract). */
const CALLS: Record<ServiceName, 'every-contract' | readonly RpcContract<unknown, unknown>[]> = {
  gateway: 'every-contract',
  paywall: [ListPlans, ListCoupons],
  subscriptions: [
    CreatePayment,
    ListSavedTokens,
    ChargeSavedToken,
    RelayStripeRequest,
    GetStripeAccount,
    AdoptStripeAccount,
  ],
  payments: [],
  advertising: [CreatePayment, RefundPayment],
  licensing: [],
  finance: [ListProviderBalanceTransactions, ListProviderPayouts],
};

/** Whose event streams each service reads (its own included where it follows its own events). */
export const CONSUMED_STREAMS: Record<ServiceName, readonly ServiceName[]> = {
  gateway: SERVICES,
  paywall: ['gateway', 'paywall', 'subscriptions'],
  subscriptions: ['gateway', 'payments'],
  payments: ['gateway'],
  advertising: ['gateway', 'advertising', 'payments', 'finance', 'subscriptions'],
  licensing: ['gateway', 'paywall'],
  finance: ['gateway', 'subscriptions', 'payments', 'advertising', 'licensing'],
};

/**
 * The roles a service may assert when it signs a caller of its own (not relaying one it was
 * given): the gateway speaks for every authenticated principal, finance only for its import job,
 * subscriptions only for the charges it bills itself and for driving Stripe Billing through payments,
 * advertising only for its orders' payments and refunds.
 */
export const SIGNER_ROLES: Record<ServiceName, 'any' | readonly CallerRole[]> = {
  gateway: 'any',
  paywall: [],
  subscriptions: [SERVICE_ROLES.streamBilling, SERVICE_ROLES.stripeBilling],
  payments: [],
  advertising: [SERVICE_ROLES.streamBilling],
  licensing: [],
  finance: [SERVICE_ROLES.reconciliationImport],
};

/** The inbox prefix of a bus user: replies to its requests arrive where no one else may listen. */
export function inboxPrefixOf(user: string): string {
  return `_INBOX_${user}`;
}

export interface BusPermissions {
  publish: string[];
  subscribe: string[];
}

function rpcContracts(): RpcContract<unknown, unknown>[] {
  return allContracts().filter((c): c is RpcContract<unknown, unknown> => c.kind === 'rpc');
}

/** JetStream API subjects to create (and, when `owner`, change) one stream and use consumers of it. */
function streamAccess(stream: string, owner: boolean): string[] {
  return [
    `$JS.API.STREAM.INFO.${stream}`,
    `$JS.API.STREAM.CREATE.${stream}`,
    ...(owner ? [`$JS.API.STREAM.UPDATE.${stream}`] : []),
    `$JS.API.CONSUMER.*.${stream}`,
    `$JS.API.CONSUMER.*.${stream}.>`,
    `$JS.API.CONSUMER.DURABLE.CREATE.${stream}.>`,
    `$JS.API.CONSUMER.MSG.NEXT.${stream}.>`,
    `$JS.ACK.${stream}.>`,
  ];
}

function calledBy(
  caller: ServiceName,
  rpcs: RpcContract<unknown, unknown>[],
): readonly RpcContract<unknown, unknown>[] {
  const calls = CALLS[caller];
  return calls === 'every-contract' ? rpcs.filter((c) => c.service !== caller) : calls;
}

/**
 * The subjects `service` may publish to and subscribe on. Its answers go to the inboxes of the
 * services that call it, and only theirs. (Not `allow_responses`: the server would then track
 * the reply subject of every message it delivers, JetStream's acknowledgements included, which
 * cost a quarter of the ledger's throughput.)
 */
export function busPermissionsOf(service: ServiceName): BusPermissions {
  const rpcs = rpcContracts();
  const called = calledBy(service, rpcs);
  const callers = SERVICES.filter((caller) => calledBy(caller, rpcs).some((c) => c.service === service));
  const ownStreams = new Set(eventStreamsOf(service).map((stream) => stream.name));
  const streams = [...new Set([service, ...CONSUMED_STREAMS[service]])].flatMap((s) =>
    eventStreamsOf(s).map((stream) => stream.name),
  );
  return {
    publish: [
      `evt.${service}.>`,
      `dlq.${service}.>`,
      ...called.map((c) => c.subject),
      // The operator (on-call tools) may ask any service; it holds every permission anyway.
      ...[...callers, BUS_OPERATOR].map((caller) => `${inboxPrefixOf(caller)}.>`),
      '$JS.API.INFO',
      ...streams.flatMap((stream) => streamAccess(stream, ownStreams.has(stream))),
      ...streamAccess(DEAD_LETTER_STREAM.name, true),
    ],
    subscribe: [...rpcs.filter((c) => c.service === service).map((c) => c.subject), `${inboxPrefixOf(service)}.>`],
  };
}
