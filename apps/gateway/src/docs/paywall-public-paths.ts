import type { OpenAPIObject } from '@nestjs/swagger';
import {
  ArticleStructuredData,
  DecisionAnswer,
  DecisionRequest,
  PAYWALL_DECISIONS_PATH,
  PAYWALL_STRUCTURED_DATA_PATH,
  StructuredDataRequest,
} from '@libs/contracts';
import { ProblemDetails } from './problem-details';

type PathItem = OpenAPIObject['paths'][string];
type Schema = { properties?: Record<string, object>; required?: string[] };

/**
 * The paywall's public server: where reader pages and agencies' servers ask for decisions, on the
 * paywall's own port (`PAYWALL_PUBLIC_PORT`), not through the gateway.
 */
const PAYWALL_PUBLIC_SERVER = {
  url: 'http://localhost:3011',
  description:
    "The paywall service's own public server (PAYWALL_PUBLIC_PORT, 3011 by default), not the gateway; an ingress routes these paths there",
};

const ref = (type: { name: string }) => ({ $ref: `#/components/schemas/${type.name}` });

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref(ProblemDetails) } },
});

const BAD_REQUEST = problem('A field is missing, unknown or malformed: `errors` names each (`validation-failed`)');
const BAD_SITE_KEY = problem('No site key, or one of no site (`unauthenticated`)');
const NOT_LOADED = problem("The paywall of the site's agency is not loaded on this instance yet (`unavailable`)");
const OTHER = problem('Any other error (an unknown path, a body too large), as problem+json');
const TOO_MANY = {
  ...problem(
    'The site asked more decisions a second of this instance than `PAYWALL_SITE_RATE_PER_S`, or one client address more than `PAYWALL_CLIENT_RATE_PER_S` (`rate-limited`)',
  ),
  headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
};

const siteKeyInQuery = (required: boolean, alternative: string) => ({
  name: 'siteKey',
  in: 'query' as const,
  required,
  description: `The site's publishable key (pk_...)${alternative}`,
  schema: { type: 'string' },
});

/** A request class's fields as query parameters, each with the schema its validation rules give it. */
function queryParameters(schemas: Record<string, Schema>, type: { name: string }) {
  const schema = schemas[type.name];
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query' as const,
    required: (schema.required ?? []).includes(name),
    schema: property,
  }));
}

/**
 * `GET|POST /v1/paywall/decisions` and `GET /v1/paywall/structured-data`, from the contract
 * classes the paywall checks its requests against and answers with.
 */
export function paywallPublicPaths(schemas: Record<string, Schema>): Record<string, PathItem> {
  const answered = {
    description: 'The decision, and for an anonymous reader the meter to send with the next one',
    content: { 'application/json': { schema: ref(DecisionAnswer) } },
  };
  const decisionErrors = { 400: BAD_REQUEST, 401: BAD_SITE_KEY, 429: TOO_MANY, 503: NOT_LOADED, default: OTHER };
  return {
    [PAYWALL_DECISIONS_PATH]: {
      servers: [PAYWALL_PUBLIC_SERVER],
      get: {
        operationId: 'PaywallPublic_decideForPage',
        summary:
          "May this reader read this article now? Reader pages ask with the fields in the query (a simple request: no CORS preflight); a site's rate per second is limited",
        tags: ['paywall'],
        security: [{ siteKey: [] }, {}],
        parameters: [
          siteKeyInQuery(false, ', in place of X-Site-Key (one of the two is needed)'),
          ...queryParameters(schemas, DecisionRequest),
        ],
        responses: { 200: answered, ...decisionErrors },
      },
      post: {
        operationId: 'PaywallPublic_decide',
        summary: "May this reader read this article now? Agencies' servers send the fields as JSON",
        tags: ['paywall'],
        security: [{ siteKey: [] }],
        requestBody: { required: true, content: { 'application/json': { schema: ref(DecisionRequest) } } },
        responses: { 200: answered, ...decisionErrors },
      },
    },
    [PAYWALL_STRUCTURED_DATA_PATH]: {
      servers: [PAYWALL_PUBLIC_SERVER],
      get: {
        operationId: 'PaywallPublic_structuredData',
        summary:
          "Schema.org paywalled-content markup for the article's JSON-LD, from the same policies (free only when a new anonymous reader may open it without a meter)",
        tags: ['paywall'],
        security: [],
        parameters: [siteKeyInQuery(true, ''), ...queryParameters(schemas, StructuredDataRequest)],
        responses: {
          200: {
            description: 'To merge into the JSON-LD of the article page',
            content: { 'application/ld+json': { schema: ref(ArticleStructuredData) } },
          },
          400: BAD_REQUEST,
          401: BAD_SITE_KEY,
          503: NOT_LOADED,
          default: OTHER,
        },
      },
    },
  };
}
