import { TestAgency } from './agencies';

export interface ForeignIdCase {
  method: 'GET' | 'PATCH' | 'DELETE' | 'POST' | 'PUT';
  /** OpenAPI path template, e.g. `/v1/sites/{id}`. */
  path: string;
  body?: unknown;
  /** An object of `owner`'s that the route addresses by `{id}`. */
  idOf?(owner: TestAgency): Promise<string>;
  /** The route's other path parameters, also naming `owner`'s objects (e.g. `{memberId}`, `{articleId}`). */
  paramsOf?(owner: TestAgency): Promise<Record<string, string>>;
  /** Where the owner reads the object back, to see that nothing changed (defaults to `path`). */
  readPath?: string;
  /**
   * An upsert keyed by the agency's own ids (articles): another agency's id is just a key the
   * caller may use too, so the answer is 200 with the caller's own new object (`body`, version 1),
   * and the owner's stays as it was. It must name an object no other case addresses.
   */
  upsert?: true;
  /**
   * The path names a month of the books, which every agency keeps for itself (`{month}`), not an
   * object of the owner's: the call is about the caller's own books and answers `status` from them
   * (here a conflict: the month has not ended, or none of the caller's months is closed; or, for a
   * read, 200 with the caller's own view of that month), and the owner's periods stay as they were.
   */
  ownBooks?: { status: number };
  /**
   * The path names a kind of thing every agency may have one of (a payment rail, `{rail}`), not an
   * object of the owner's: the call is about the caller's own and succeeds, and the owner's stays
   * as it was.
   */
  callersOwn?: true;
}

async function firstId(agency: TestAgency, listPath: string): Promise<string> {
  const response = await agency.api.get<{ items: { id: string }[] }>(listPath);
  const id = response.body.items?.[0]?.id;
  if (!id) throw new Error(`${listPath} has nothing to address: ${JSON.stringify(response.body)}`);
  return id;
}

async function firstPolicyId(agency: TestAgency): Promise<string> {
  const response = await agency.api.get<{ policies: { id: string }[] }>('/v1/paywall/policies');
  const id = response.body.policies?.[0]?.id;
  if (!id) throw new Error(`no policy to address: ${JSON.stringify(response.body)}`);
  return id;
}

async function firstMemberId(agency: TestAgency): Promise<Record<string, string>> {
  const licenceId = await firstId(agency, '/v1/subscriptions/group-licences');
  const usage = await agency.api.get<{ members: { id: string }[] }>(
    `/v1/subscriptions/group-licences/${licenceId}/usage`,
  );
  const memberId = usage.body.members?.[0]?.id;
  if (!memberId) throw new Error(`group licence ${licenceId} has no member to address: ${JSON.stringify(usage.body)}`);
  return { memberId };
}

/** The owner's gift bought through gift checkout, and its checkout session. */
async function purchasedGift(agency: TestAgency): Promise<{ id: string; providerCheckoutId: string }> {
  const response = await agency.api.get<{ items: { id: string; providerCheckoutId: string | null }[] }>(
    '/v1/subscriptions/gifts',
  );
  const gift = response.body.items?.find((item) => item.providerCheckoutId);
  if (!gift?.providerCheckoutId) throw new Error(`no purchased gift to address: ${JSON.stringify(response.body)}`);
  return { id: gift.id, providerCheckoutId: gift.providerCheckoutId };
}

/** The owner's gift purchase on a rail, as the payment asked for it names it. */
async function railGiftPurchaseId(agency: TestAgency): Promise<string> {
  const response = await agency.api.get<{ items: { purpose: { stream: string; reference: string } }[] }>(
    '/v1/payments/payments?stream=gifts',
  );
  const reference = response.body.items?.find((payment) => payment.purpose.stream === 'gifts')?.purpose.reference;
  if (!reference) throw new Error(`no gift purchase on a rail to address: ${JSON.stringify(response.body)}`);
  return reference;
}

async function articleIds(agency: TestAgency): Promise<string[]> {
  const response = await agency.api.get<{ items: { articleId: string }[] }>('/v1/paywall/articles');
  const ids = (response.body.items ?? []).map((a) => a.articleId);
  if (ids.length < 2) throw new Error(`two articles are needed to address: ${JSON.stringify(response.body)}`);
  return ids;
}

/**
 * Policy revisions are numbered per agency: the owner's latest is one the caller never reached
 * (the seed gives agency b more revisions than a), so asking for it must be a 404, never the
 * owner's policies.
 */
const latestRevision = async (owner: TestAgency) => ({
  revision: String(
    (await owner.api.get<{ items: { revision: number }[] }>('/v1/paywall/policy-revisions')).body.items[0].revision,
  ),
});

/** Only agency b has offer revisions: the caller has none to restore under that number. */
const latestOfferRevision = async (owner: TestAgency) => ({
  revision: String(
    (await owner.api.get<{ items: { revision: number }[] }>('/v1/paywall/offer-revisions')).body.items[0].revision,
  ),
});

const EXPERIMENT = '/v1/paywall/experiments/{id}';
const firstExperiment = (owner: TestAgency) => firstId(owner, '/v1/paywall/experiments');
const EXPERIMENT_BODY = {
  name: 'taken over',
  target: 'meter-limit',
  policyId: '00000000-0000-4000-8000-000000000000',
  allocation: 'split',
  arms: [
    { name: 'a', limit: 0 },
    { name: 'b', limit: 0 },
  ],
};

/** The month of the owner's latest journal entry: one with postings, still open (seeding posts today). */
const latestMonthWithPostings = async (owner: TestAgency) => {
  const response = await owner.api.get<{ items: { postedOn: string }[] }>('/v1/finance/journal-entries');
  const postedOn = response.body.items?.[0]?.postedOn;
  if (!postedOn) throw new Error(`no journal entry to take a month from: ${JSON.stringify(response.body)}`);
  return { month: postedOn.slice(0, 7) };
};

const GROUP_LICENCES = '/v1/subscriptions/group-licences';
const ARTICLE = '/v1/paywall/articles/{articleId}';
/** Read and delete address an agency's first article; the upsert its last, which they leave alone. */
const firstArticle = async (owner: TestAgency) => ({ articleId: (await articleIds(owner))[0] });
const lastArticle = async (owner: TestAgency) => ({ articleId: (await articleIds(owner)).at(-1)! });

/**
 * Every route that takes an object id. Tenant A's credentials with tenant B's id must answer 404
 * and change nothing; a meta-test fails when a route with a path parameter is missing here.
 */
const AD_UNIT = '/v1/advertising/ad-units/{id}';
const ADVERTISER = '/v1/advertising/advertisers/{id}';
const ORDER = '/v1/advertising/orders/{id}';
/** The owner's booked unit (the seed's), which has a rate card and an order on it. */
const firstAdUnit = async (owner: TestAgency) => {
  const response = await owner.api.get<{ items: { id: string; code: string }[] }>('/v1/advertising/ad-units');
  const unit = response.body.items?.find((item) => item.code.startsWith('isolation-'));
  if (!unit) throw new Error(`no booked ad unit to address: ${JSON.stringify(response.body)}`);
  return unit.id;
};
const firstOrder = (owner: TestAgency) => firstId(owner, '/v1/advertising/orders');
const INVOICE = '/v1/advertising/invoices/{id}';
const firstAdvertiser = (owner: TestAgency) => firstId(owner, '/v1/advertising/advertisers');
const CREATIVE = '/v1/advertising/creatives/{id}';
const LICENCE_OFFER = '/v1/licensing/licence-offers/{id}';
/** The owner's first offer by name: a default reservation, published as revision 1 when the agency was provisioned. */
const firstLicenceOffer = (owner: TestAgency) => firstId(owner, '/v1/licensing/licence-offers');
const firstCreative = (owner: TestAgency) => firstId(owner, '/v1/advertising/creatives');
const LICENSEE = '/v1/licensing/licensees/{id}';
const firstLicensee = (owner: TestAgency) => firstId(owner, '/v1/licensing/licensees');
/** The owner's first article in licensing's catalog (the seed's, followed from the paywall). */
const firstCatalogArticle = async (owner: TestAgency) => {
  const response = await owner.api.get<{ items: { articleId: string }[] }>('/v1/licensing/catalog');
  const articleId = response.body.items?.[0]?.articleId;
  if (!articleId) throw new Error(`no catalog article to address: ${JSON.stringify(response.body)}`);
  return { articleId };
};
const TAKEOVER_PAGE = '/v1/advertising/takeover-pages/{id}';
const firstTakeoverPage = (owner: TestAgency) => firstId(owner, '/v1/advertising/takeover-pages');
/** The make-good the seed's approved order got when its flight ended undelivered. */
const MAKE_GOOD = '/v1/advertising/make-goods/{id}';
const firstMakeGood = (owner: TestAgency) => firstId(owner, '/v1/advertising/make-goods');
/** The first line of the owner's first order. */
const firstOrderLine = async (owner: TestAgency) => {
  const order = await owner.api.get<{ lines: { id: string }[] }>(`/v1/advertising/orders/${await firstOrder(owner)}`);
  const lineId = order.body.lines?.[0]?.id;
  if (!lineId) throw new Error(`no order line to address: ${JSON.stringify(order.body)}`);
  return { lineId };
};
const SITE_AD_SETTINGS = '/v1/advertising/sites/{id}/ad-settings';
/** The site the owner's booked unit is on (one advertising follows). */
const firstAdSite = async (owner: TestAgency) => {
  const unit = await owner.api.get<{ siteId: string }>(`/v1/advertising/ad-units/${await firstAdUnit(owner)}`);
  return unit.body.siteId;
};

export const FOREIGN_ID_MATRIX: ForeignIdCase[] = [
  { method: 'GET', path: '/v1/tenants/{id}', idOf: async (owner) => owner.tenantId },
  { method: 'GET', path: '/v1/sites/{id}', idOf: (owner) => firstId(owner, '/v1/sites') },
  {
    method: 'PATCH',
    path: '/v1/sites/{id}',
    body: { name: 'taken over' },
    idOf: (owner) => firstId(owner, '/v1/sites'),
  },
  {
    method: 'POST',
    path: '/v1/sites/{id}/key-rotation',
    readPath: '/v1/sites/{id}',
    idOf: (owner) => firstId(owner, '/v1/sites'),
  },
  { method: 'GET', path: '/v1/api-keys/{id}', idOf: (owner) => firstId(owner, '/v1/api-keys') },
  { method: 'DELETE', path: '/v1/api-keys/{id}', idOf: (owner) => firstId(owner, '/v1/api-keys') },
  { method: 'GET', path: '/v1/users/{id}', idOf: (owner) => firstId(owner, '/v1/users') },
  { method: 'GET', path: '/v1/paywall/policies/{id}', idOf: (owner) => firstPolicyId(owner) },
  { method: 'GET', path: '/v1/paywall/policy-revisions/{revision}', paramsOf: latestRevision },
  {
    method: 'POST',
    path: '/v1/paywall/policy-revisions/{revision}/restore',
    paramsOf: latestRevision,
    readPath: '/v1/paywall/policies',
  },
  {
    method: 'POST',
    path: '/v1/paywall/offer-revisions/{revision}/restore',
    paramsOf: latestOfferRevision,
    readPath: '/v1/paywall/offers',
  },
  { method: 'GET', path: EXPERIMENT, idOf: firstExperiment },
  { method: 'PUT', path: EXPERIMENT, body: EXPERIMENT_BODY, idOf: firstExperiment },
  { method: 'POST', path: `${EXPERIMENT}/start`, readPath: EXPERIMENT, idOf: firstExperiment },
  { method: 'POST', path: `${EXPERIMENT}/stop`, readPath: EXPERIMENT, idOf: firstExperiment },
  { method: 'GET', path: `${EXPERIMENT}/results`, idOf: firstExperiment },
  { method: 'GET', path: ARTICLE, paramsOf: firstArticle },
  { method: 'DELETE', path: ARTICLE, paramsOf: firstArticle },
  {
    method: 'PUT',
    path: ARTICLE,
    upsert: true,
    paramsOf: lastArticle,
    body: {
      url: 'https://intruder.example.org/taken-over',
      accessLevel: 'free',
      section: 'intruder',
      tags: ['intruder'],
    },
  },
  { method: 'GET', path: AD_UNIT, idOf: firstAdUnit },
  { method: 'PATCH', path: AD_UNIT, body: { dailyCapacity: 0, name: 'Intruder' }, idOf: firstAdUnit },
  { method: 'DELETE', path: AD_UNIT, idOf: firstAdUnit },
  { method: 'GET', path: `${AD_UNIT}/rate-card`, idOf: firstAdUnit },
  {
    method: 'PUT',
    path: `${AD_UNIT}/rate-card`,
    body: {
      cpdPrice: '1',
      cpmPrice: null,
      sponsorshipDayPrice: null,
      vatRateBp: 0,
      seasonalMultipliers: [],
      volumeDiscounts: [],
      commissionTiers: [],
      cancellationPenalties: [],
    },
    idOf: firstAdUnit,
  },
  { method: 'GET', path: ADVERTISER, idOf: (owner) => firstId(owner, '/v1/advertising/advertisers') },
  {
    method: 'POST',
    path: `${ADVERTISER}/api-keys`,
    body: { name: 'intruder' },
    readPath: '/v1/api-keys',
    idOf: (owner) => firstId(owner, '/v1/advertising/advertisers'),
  },
  {
    method: 'PUT',
    path: `${ADVERTISER}/payment-terms`,
    body: { paymentTerms: 'invoice', netDays: 90 },
    readPath: ADVERTISER,
    idOf: firstAdvertiser,
  },
  { method: 'GET', path: INVOICE, idOf: (owner) => firstId(owner, '/v1/advertising/invoices') },
  { method: 'GET', path: ORDER, idOf: firstOrder },
  ...(['submit', 'approve', 'reject', 'cancel'] as const).map((action) => ({
    method: 'POST' as const,
    path: `${ORDER}/${action}`,
    body: { reason: 'intrusion' },
    readPath: ORDER,
    idOf: firstOrder,
  })),
  {
    method: 'PATCH',
    path: `${ORDER}/lines/{lineId}`,
    body: { priority: 1, frequencyCap: { impressions: 1, hours: 24 } },
    readPath: ORDER,
    idOf: firstOrder,
    paramsOf: firstOrderLine,
  },
  { method: 'GET', path: SITE_AD_SETTINGS, idOf: firstAdSite },
  { method: 'PUT', path: SITE_AD_SETTINGS, body: { subscriberMaxUnits: 0 }, idOf: firstAdSite },
  { method: 'GET', path: CREATIVE, idOf: firstCreative },
  { method: 'PATCH', path: CREATIVE, body: { name: 'taken over' }, idOf: firstCreative },
  { method: 'POST', path: `${CREATIVE}/approve`, readPath: CREATIVE, idOf: firstCreative },
  {
    method: 'POST',
    path: `${CREATIVE}/reject`,
    body: { reason: 'intrusion' },
    readPath: CREATIVE,
    idOf: firstCreative,
  },
  {
    method: 'POST',
    path: `${CREATIVE}/attachments`,
    body: { orderLineId: '00000000-0000-4000-8000-000000000000' },
    readPath: CREATIVE,
    idOf: firstCreative,
  },
  { method: 'GET', path: `${CREATIVE}/content`, idOf: firstCreative },
  { method: 'GET', path: TAKEOVER_PAGE, idOf: firstTakeoverPage },
  { method: 'PATCH', path: TAKEOVER_PAGE, body: { name: 'taken over' }, idOf: firstTakeoverPage },
  { method: 'GET', path: MAKE_GOOD, idOf: firstMakeGood },
  {
    method: 'POST',
    path: `${MAKE_GOOD}/accept-as-line`,
    body: { flightStart: '2099-01-01', flightEnd: '2099-01-01' },
    readPath: MAKE_GOOD,
    idOf: firstMakeGood,
  },
  { method: 'POST', path: `${MAKE_GOOD}/accept-as-credit`, readPath: MAKE_GOOD, idOf: firstMakeGood },
  {
    method: 'POST',
    path: `${MAKE_GOOD}/reject`,
    body: { reason: 'intrusion' },
    readPath: MAKE_GOOD,
    idOf: firstMakeGood,
  },
  { method: 'GET', path: LICENCE_OFFER, idOf: firstLicenceOffer },
  { method: 'PUT', path: LICENCE_OFFER, body: { name: 'taken over' }, idOf: firstLicenceOffer },
  { method: 'POST', path: `${LICENCE_OFFER}/publish`, readPath: LICENCE_OFFER, idOf: firstLicenceOffer },
  { method: 'GET', path: `${LICENCE_OFFER}/revisions`, idOf: firstLicenceOffer },
  {
    method: 'GET',
    path: `${LICENCE_OFFER}/revisions/{revision}`,
    idOf: firstLicenceOffer,
    paramsOf: async () => ({ revision: '1' }),
  },
  { method: 'GET', path: LICENSEE, idOf: firstLicensee },
  { method: 'PATCH', path: LICENSEE, body: { name: 'Taken over', country: 'US' }, idOf: firstLicensee },
  {
    method: 'POST',
    path: `${LICENSEE}/api-keys`,
    body: { name: 'intruder' },
    readPath: '/v1/api-keys',
    idOf: firstLicensee,
  },
  { method: 'POST', path: `${LICENSEE}/client-secret`, readPath: LICENSEE, idOf: firstLicensee },
  { method: 'GET', path: '/v1/licensing/catalog/{articleId}', paramsOf: firstCatalogArticle },
  { method: 'GET', path: '/v1/payments/payments/{id}', idOf: (owner) => firstId(owner, '/v1/payments/payments') },
  {
    method: 'PUT',
    path: '/v1/payments/accounts/{rail}',
    paramsOf: async () => ({ rail: 'momo' }),
    readPath: '/v1/payments/accounts',
    callersOwn: true,
    body: {
      environment: 'production',
      enabled: false,
      credentials: { partnerCode: 'INTRUDER', accessKey: 'intruder', secretKey: 'intruder' },
    },
  },
  {
    method: 'POST',
    path: '/pay/{tenantId}/{paymentId}/attempts',
    paramsOf: async (owner) => ({ tenantId: owner.tenantId, paymentId: await firstId(owner, '/v1/payments/payments') }),
    readPath: '/v1/payments/payments/{paymentId}',
    body: { token: 'x'.repeat(43), rail: 'momo', locale: 'vi' },
  },
  {
    method: 'POST',
    path: '/v1/payments/payments/{id}/refunds',
    readPath: '/v1/payments/payments/{id}',
    idOf: (owner) => firstId(owner, '/v1/payments/payments'),
    body: { amount: '1000', reason: 'intruder' },
  },
  {
    method: 'POST',
    path: '/v1/payments/payments/{id}/saved-token-charges',
    readPath: '/v1/payments/payments/{id}',
    idOf: (owner) => firstId(owner, '/v1/payments/payments'),
    body: { savedTokenId: '00000000-0000-4000-8000-000000000000' },
  },
  {
    method: 'POST',
    path: '/v1/payments/saved-tokens/{id}/revoke',
    readPath: '/v1/payments/saved-tokens',
    // The seed's payment with saveTokenFor, paid on the MoMo fake, saved the owner's wallet.
    idOf: (owner) => firstId(owner, '/v1/payments/saved-tokens'),
  },
  { method: 'GET', path: '/v1/finance/accounts/{id}', idOf: (owner) => firstId(owner, '/v1/finance/accounts') },
  { method: 'GET', path: '/v1/finance/accounts/{id}/balance', idOf: (owner) => firstId(owner, '/v1/finance/accounts') },
  {
    method: 'GET',
    path: '/v1/finance/journal-entries/{id}',
    idOf: (owner) => firstId(owner, '/v1/finance/journal-entries'),
  },
  {
    method: 'GET',
    path: '/v1/finance/periods/{month}/checklist',
    paramsOf: latestMonthWithPostings,
    ownBooks: { status: 200 },
  },
  {
    method: 'POST',
    path: '/v1/finance/periods/{month}/close',
    paramsOf: latestMonthWithPostings,
    readPath: '/v1/finance/periods',
    ownBooks: { status: 409 },
  },
  {
    method: 'POST',
    path: '/v1/finance/periods/{month}/reopen',
    body: { reason: 'taken over' },
    paramsOf: latestMonthWithPostings,
    readPath: '/v1/finance/periods',
    ownBooks: { status: 409 },
  },
  {
    method: 'POST',
    path: '/v1/finance/journal-entries/{id}/reversal',
    readPath: '/v1/finance/journal-entries',
    idOf: (owner) => firstId(owner, '/v1/finance/journal-entries'),
  },
  {
    method: 'GET',
    path: '/v1/finance/recognition-schedules/{id}',
    idOf: (owner) => firstId(owner, '/v1/finance/recognition-schedules'),
  },
  {
    method: 'GET',
    path: '/v1/finance/reconciliation/imports/{id}',
    idOf: (owner) => firstId(owner, '/v1/finance/reconciliation/imports'),
  },
  {
    method: 'GET',
    path: '/v1/finance/reconciliation/runs/{id}',
    idOf: (owner) => firstId(owner, '/v1/finance/reconciliation/runs'),
  },
  {
    method: 'GET',
    path: '/v1/finance/reconciliation/exceptions/{id}',
    idOf: (owner) => firstId(owner, '/v1/finance/reconciliation/exceptions'),
  },
  {
    method: 'POST',
    path: '/v1/finance/reconciliation/exceptions/{id}/resolution',
    body: { action: 'write-off', accountCode: '5100', reason: 'taken over' },
    readPath: '/v1/finance/reconciliation/exceptions/{id}',
    idOf: (owner) => firstId(owner, '/v1/finance/reconciliation/exceptions'),
  },
  {
    method: 'GET',
    path: '/v1/subscriptions/products/{id}',
    idOf: (owner) => firstId(owner, '/v1/subscriptions/products'),
  },
  { method: 'GET', path: '/v1/subscriptions/plans/{id}', idOf: (owner) => firstId(owner, '/v1/subscriptions/plans') },
  {
    method: 'POST',
    path: '/v1/subscriptions/plans/{id}/prices',
    body: { unitAmount: '1' },
    readPath: '/v1/subscriptions/plans/{id}',
    idOf: (owner) => firstId(owner, '/v1/subscriptions/plans'),
  },
  {
    method: 'GET',
    path: '/v1/subscriptions/subscriptions/{id}',
    idOf: (owner) => firstId(owner, `/v1/subscriptions/subscriptions?readerId=isolation-reader-${owner.tenantId}`),
  },
  {
    method: 'POST',
    path: '/v1/subscriptions/subscriptions/{id}/plan-change-preview',
    body: { planId: '00000000-0000-4000-8000-000000000000' },
    readPath: '/v1/subscriptions/subscriptions/{id}',
    idOf: (owner) => firstId(owner, `/v1/subscriptions/subscriptions?readerId=isolation-reader-${owner.tenantId}`),
  },
  {
    method: 'POST',
    path: '/v1/subscriptions/subscriptions/{id}/plan-change',
    body: { planId: '00000000-0000-4000-8000-000000000000' },
    readPath: '/v1/subscriptions/subscriptions/{id}',
    idOf: (owner) => firstId(owner, `/v1/subscriptions/subscriptions?readerId=isolation-reader-${owner.tenantId}`),
  },
  {
    method: 'POST',
    path: '/v1/subscriptions/subscriptions/{id}/cancel',
    body: { atPeriodEnd: false },
    readPath: '/v1/subscriptions/subscriptions/{id}',
    idOf: (owner) => firstId(owner, `/v1/subscriptions/subscriptions?readerId=isolation-reader-${owner.tenantId}`),
  },
  {
    method: 'POST',
    path: '/v1/subscriptions/subscriptions/{id}/resume',
    readPath: '/v1/subscriptions/subscriptions/{id}',
    idOf: (owner) => firstId(owner, `/v1/subscriptions/subscriptions?readerId=isolation-reader-${owner.tenantId}`),
  },
  {
    method: 'DELETE',
    path: '/v1/subscriptions/subscriptions/{id}/pending-plan-change',
    readPath: '/v1/subscriptions/subscriptions/{id}',
    idOf: (owner) => firstId(owner, `/v1/subscriptions/subscriptions?readerId=isolation-reader-${owner.tenantId}`),
  },
  { method: 'GET', path: '/v1/subscriptions/gifts/{id}', idOf: (owner) => firstId(owner, '/v1/subscriptions/gifts') },
  {
    method: 'POST',
    path: '/v1/subscriptions/gifts/{id}/reissue-code',
    readPath: '/v1/subscriptions/gifts/{id}',
    idOf: (owner) => firstId(owner, '/v1/subscriptions/gifts'),
  },
  {
    method: 'POST',
    path: '/v1/subscriptions/gift-checkouts/{checkoutSessionId}/claim-code',
    // well-formed, so that the answer is about the checkout, not the body
    body: { purchaserSecret: 'A'.repeat(43) },
    readPath: '/v1/subscriptions/gifts',
    idOf: async (owner) => (await purchasedGift(owner)).id,
    paramsOf: async (owner) => ({ checkoutSessionId: (await purchasedGift(owner)).providerCheckoutId }),
  },
  {
    method: 'POST',
    path: '/v1/subscriptions/gift-rail-checkouts/{giftPurchaseId}/claim-code',
    // well-formed, so that the answer is about the purchase, not the body
    body: { purchaserSecret: 'A'.repeat(43) },
    readPath: '/v1/subscriptions/gifts',
    paramsOf: async (owner) => ({ giftPurchaseId: await railGiftPurchaseId(owner) }),
  },
  {
    method: 'GET',
    path: '/v1/subscriptions/invoices/{id}',
    idOf: (owner) => firstId(owner, '/v1/subscriptions/invoices'),
  },
  {
    method: 'GET',
    path: '/v1/subscriptions/dunning-cases/{id}',
    idOf: (owner) => firstId(owner, '/v1/subscriptions/dunning-cases'),
  },
  {
    method: 'GET',
    path: '/v1/subscriptions/sync-jobs/{id}',
    idOf: (owner) => firstId(owner, '/v1/subscriptions/sync-jobs'),
  },
  { method: 'GET', path: `${GROUP_LICENCES}/{id}`, idOf: (owner) => firstId(owner, GROUP_LICENCES) },
  {
    method: 'PATCH',
    path: `${GROUP_LICENCES}/{id}`,
    body: { seats: 1000, ipRanges: ['0.0.0.0/0'] },
    idOf: (owner) => firstId(owner, GROUP_LICENCES),
  },
  { method: 'GET', path: `${GROUP_LICENCES}/{id}/usage`, idOf: (owner) => firstId(owner, GROUP_LICENCES) },
  {
    method: 'POST',
    path: `${GROUP_LICENCES}/{id}/invitations`,
    body: { email: 'intruder@example.org' },
    readPath: `${GROUP_LICENCES}/{id}/usage`,
    idOf: (owner) => firstId(owner, GROUP_LICENCES),
  },
  {
    method: 'DELETE',
    path: `${GROUP_LICENCES}/{id}/members/{memberId}`,
    readPath: `${GROUP_LICENCES}/{id}/usage`,
    idOf: (owner) => firstId(owner, GROUP_LICENCES),
    paramsOf: firstMemberId,
  },
];

/** Every list route: tenant A's answer never holds an id of tenant B's. */
export const LIST_ROUTES = [
  '/v1/sites',
  '/v1/api-keys',
  '/v1/users',
  '/v1/audit-log',
  '/v1/paywall/articles',
  '/v1/paywall/experiments',
  '/v1/advertising/ad-units',
  '/v1/advertising/advertisers',
  '/v1/advertising/orders',
  '/v1/advertising/invoices',
  '/v1/advertising/creatives',
  '/v1/advertising/takeover-pages',
  '/v1/advertising/sponsored-articles',
  '/v1/advertising/make-goods',
  '/v1/licensing/licence-offers',
  '/v1/licensing/licensees',
  '/v1/licensing/catalog',
  '/v1/payments/accounts',
  '/v1/payments/payments',
  '/v1/payments/saved-tokens',
  '/v1/finance/accounts',
  '/v1/finance/journal-entries',
  '/v1/finance/recognition-schedules',
  '/v1/finance/reconciliation/imports',
  '/v1/finance/reconciliation/runs',
  '/v1/finance/reconciliation/exceptions',
  '/v1/subscriptions/products',
  '/v1/subscriptions/plans',
  '/v1/subscriptions/coupons',
  '/v1/subscriptions/tax-rates',
  '/v1/subscriptions/gifts',
  '/v1/subscriptions/group-licences',
  '/v1/subscriptions/invoices',
  '/v1/subscriptions/dunning-cases',
  '/v1/subscriptions/sync-jobs',
];
