/** What one advertiser of the agency has: an approved order and its line, a creative, a make-good. */
export interface AdvertiserObjects {
  advertiserId: string;
  orderId: string;
  /** The approved order's invoice. */
  invoiceId: string;
  lineId: string;
  creativeId: string;
  makeGoodId: string;
  /** The line's flight day, which its delivery was counted on. */
  day: string;
}

export interface CrossAdvertiserCase {
  method: 'GET' | 'PATCH' | 'DELETE' | 'POST' | 'PUT';
  /** OpenAPI path template, e.g. `/v1/advertising/orders/{id}`. */
  path: string;
  body?: unknown;
  /** The object of the owner's that the route addresses by `{id}`. */
  idOf(owner: AdvertiserObjects): string;
  /** Where staff read the object back, to see that nothing changed (defaults to `path`). */
  readPath?: string;
  /** A route only staff may call: an advertiser's key is forbidden (403) whoever's the object is. */
  staffOnly?: true;
}

const ORDER = '/v1/advertising/orders/{id}';
const CREATIVE = '/v1/advertising/creatives/{id}';
const MAKE_GOOD = '/v1/advertising/make-goods/{id}';
const INVOICE = '/v1/advertising/invoices/{id}';
const orderOf = (owner: AdvertiserObjects) => owner.orderId;
const creativeOf = (owner: AdvertiserObjects) => owner.creativeId;
const makeGoodOf = (owner: AdvertiserObjects) => owner.makeGoodId;
const invoiceOf = (owner: AdvertiserObjects) => owner.invoiceId;

/**
 * Every route with an id that names an advertiser's object. Advertiser A's key with B's id must
 * answer 404 (or 403 where only staff may call) and change nothing; a meta-test fails when a
 * route admitting advertisers takes a path parameter and is missing here.
 */
export const CROSS_ADVERTISER_MATRIX: CrossAdvertiserCase[] = [
  { method: 'GET', path: ORDER, idOf: orderOf },
  { method: 'POST', path: `${ORDER}/submit`, body: { reason: 'intrusion' }, readPath: ORDER, idOf: orderOf },
  { method: 'POST', path: `${ORDER}/cancel`, body: { reason: 'intrusion' }, readPath: ORDER, idOf: orderOf },
  { method: 'POST', path: `${ORDER}/approve`, readPath: ORDER, idOf: orderOf, staffOnly: true },
  {
    method: 'POST',
    path: `${ORDER}/reject`,
    body: { reason: 'intrusion' },
    readPath: ORDER,
    idOf: orderOf,
    staffOnly: true,
  },
  { method: 'GET', path: CREATIVE, idOf: creativeOf },
  { method: 'PATCH', path: CREATIVE, body: { name: 'taken over' }, idOf: creativeOf },
  {
    method: 'POST',
    path: `${CREATIVE}/attachments`,
    body: { orderLineId: '00000000-0000-4000-8000-000000000000' },
    readPath: CREATIVE,
    idOf: creativeOf,
  },
  { method: 'POST', path: `${CREATIVE}/approve`, readPath: CREATIVE, idOf: creativeOf, staffOnly: true },
  {
    method: 'POST',
    path: `${CREATIVE}/reject`,
    body: { reason: 'intrusion' },
    readPath: CREATIVE,
    idOf: creativeOf,
    staffOnly: true,
  },
  { method: 'GET', path: `${CREATIVE}/content`, readPath: CREATIVE, idOf: creativeOf, staffOnly: true },
  { method: 'GET', path: INVOICE, idOf: invoiceOf },
  { method: 'GET', path: MAKE_GOOD, idOf: makeGoodOf },
  {
    method: 'POST',
    path: `${MAKE_GOOD}/accept-as-line`,
    body: { flightStart: '2099-01-01', flightEnd: '2099-01-01' },
    readPath: MAKE_GOOD,
    idOf: makeGoodOf,
    staffOnly: true,
  },
  { method: 'POST', path: `${MAKE_GOOD}/accept-as-credit`, readPath: MAKE_GOOD, idOf: makeGoodOf, staffOnly: true },
  {
    method: 'POST',
    path: `${MAKE_GOOD}/reject`,
    body: { reason: 'intrusion' },
    readPath: MAKE_GOOD,
    idOf: makeGoodOf,
    staffOnly: true,
  },
];

/** Routes that name an advertiser's objects in their query: A naming B's answers 404. */
export const CROSS_ADVERTISER_QUERIES: {
  name: string;
  pathOf(own: AdvertiserObjects, theirs: AdvertiserObjects): string;
}[] = [
  {
    name: "a report of B's order",
    pathOf: (_own, theirs) => `/v1/advertising/reports/delivery?orderId=${theirs.orderId}`,
  },
  {
    name: "a report of B's line",
    pathOf: (_own, theirs) => `/v1/advertising/reports/delivery?lineId=${theirs.lineId}`,
  },
  {
    name: "a report of B's line under A's order",
    pathOf: (own, theirs) => `/v1/advertising/reports/delivery?orderId=${own.orderId}&lineId=${theirs.lineId}`,
  },
];

export interface CrossAdvertiserList {
  /** The list as A asks for it, B's ids in its filters where it takes any. */
  pathOf(theirs: AdvertiserObjects): string;
  /** The ids of what the answer lists. */
  idsIn(body: unknown): string[];
  /** A's own object, which must be listed, and B's, which must not. */
  idOf(owner: AdvertiserObjects): string;
}

const itemIds = (body: unknown) => ((body as { items?: { id: string }[] }).items ?? []).map((item) => item.id);

/**
 * Every list an advertiser's key reads, with what must (A's) and must not (B's) be in it; a
 * meta-test fails when a GET route admitting advertisers without a path parameter is neither here
 * nor in AGENCY_WIDE_READS.
 */
export const CROSS_ADVERTISER_LISTS: Record<string, CrossAdvertiserList> = {
  '/v1/advertising/orders': {
    pathOf: (theirs) => `/v1/advertising/orders?advertiserId=${theirs.advertiserId}`,
    idsIn: itemIds,
    idOf: orderOf,
  },
  '/v1/advertising/creatives': {
    pathOf: (theirs) => `/v1/advertising/creatives?advertiserId=${theirs.advertiserId}`,
    idsIn: itemIds,
    idOf: creativeOf,
  },
  '/v1/advertising/invoices': {
    pathOf: () => '/v1/advertising/invoices',
    idsIn: itemIds,
    idOf: invoiceOf,
  },
  '/v1/advertising/make-goods': {
    pathOf: () => '/v1/advertising/make-goods',
    idsIn: itemIds,
    idOf: makeGoodOf,
  },
  '/v1/advertising/reports/delivery': {
    pathOf: (theirs) => `/v1/advertising/reports/delivery?groupBy=line&from=${theirs.day}&to=${theirs.day}`,
    idsIn: (body) => [
      ...((body as { rows?: { key: string }[] }).rows ?? []).map((row) => row.key),
      ...((body as { lines?: { lineId: string }[] }).lines ?? []).map((line) => line.lineId),
    ],
    idOf: (owner) => owner.lineId,
  },
};

/** Reads advertisers may make that show the agency's, not any advertiser's: its inventory. */
export const AGENCY_WIDE_READS = ['/v1/advertising/availability'];
