/** What a cross-licensee case addresses: licensee B of the same agency, and its agency's objects. */
export interface LicenseeWorld {
  /** Licensee B's id. */
  licenseeId: string;
  /** An article of the agency's catalog. */
  articleId: string;
  /** A licence offer of the agency. */
  licenceOfferId: string;
}

export interface CrossLicenseeCase {
  method: 'GET' | 'PATCH' | 'DELETE' | 'POST' | 'PUT';
  /** OpenAPI path template, e.g. `/v1/licensing/licensees/{id}`. */
  path: string;
  body?: unknown;
  /** The path's parameters. */
  paramsOf(world: LicenseeWorld): Record<string, string>;
  /** Where agency staff read back what the path addresses, to see that nothing changed (defaults to `path`). */
  readPath?: string;
  /**
   * 404 for a route licensees may call, which must not find another licensee's object; 403 for a
   * route only agency staff may call.
   */
  status: 403 | 404;
}

const LICENSEE = '/v1/licensing/licensees/{id}';
const ofLicensee = (world: LicenseeWorld) => ({ id: world.licenseeId });
const OFFER = '/v1/licensing/licence-offers/{id}';
const ofOffer = (world: LicenseeWorld) => ({ id: world.licenceOfferId });

/**
 * Every licensing route that takes a path parameter, as licensee A's own key calls it on B's
 * objects (or on the agency's): it must answer `status` and change nothing. Routes that later give
 * licensees their agreements, usage and statements join here; a meta-test fails when a route with
 * a path parameter under /v1/licensing is missing.
 */
export const CROSS_LICENSEE_MATRIX: CrossLicenseeCase[] = [
  { method: 'GET', path: LICENSEE, paramsOf: ofLicensee, status: 403 },
  { method: 'PATCH', path: LICENSEE, body: { name: 'Taken over' }, paramsOf: ofLicensee, status: 403 },
  {
    method: 'POST',
    path: `${LICENSEE}/api-keys`,
    body: { name: 'intruder' },
    readPath: '/v1/api-keys',
    paramsOf: ofLicensee,
    status: 403,
  },
  { method: 'POST', path: `${LICENSEE}/client-secret`, readPath: LICENSEE, paramsOf: ofLicensee, status: 403 },
  {
    method: 'GET',
    path: '/v1/licensing/catalog/{articleId}',
    paramsOf: (world) => ({ articleId: world.articleId }),
    status: 403,
  },
  { method: 'GET', path: OFFER, paramsOf: ofOffer, status: 403 },
  { method: 'PUT', path: OFFER, body: { name: 'Taken over' }, paramsOf: ofOffer, status: 403 },
  { method: 'POST', path: `${OFFER}/publish`, readPath: OFFER, paramsOf: ofOffer, status: 403 },
  { method: 'GET', path: `${OFFER}/revisions`, paramsOf: ofOffer, status: 403 },
  {
    method: 'GET',
    path: `${OFFER}/revisions/{revision}`,
    readPath: OFFER,
    paramsOf: (world) => ({ ...ofOffer(world), revision: '1' }),
    status: 403,
  },
];
