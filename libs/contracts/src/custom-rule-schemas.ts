import type { ISchemaConverters } from 'class-validator-jsonschema/build/defaultConverters';

/**
 * JSON Schemas of the contracts' own validation rules, by rule name, for the OpenAPI and AsyncAPI
 * generators: left to itself, the generator describes a custom rule by the property's type
 * (a `$ref` to `Array` for a list of strings).
 */
export const CUSTOM_RULE_SCHEMAS: ISchemaConverters = {
  // Not `format: url` (no format of JSON Schema or OpenAPI) nor `uri`: the rule admits what RFC 3986
  // does not, such as Stripe's `{CHECKOUT_SESSION_ID}` placeholder in a success URL.
  isUrl: { type: 'string', description: 'an absolute http(s) URL' },
  isCidrRange: {
    type: 'string',
    description: 'an IPv4 or IPv6 network in CIDR notation with no host bits set, e.g. 203.0.113.0/24',
  },
  isIpAddress: { type: 'string', description: 'an IPv4 or IPv6 address, e.g. 203.0.113.7' },
  isInstant: { type: 'string', description: 'an instant with a time zone, e.g. 2026-05-01T08:30:00+07:00' },
  maxBytes: (meta) => ({
    type: 'string',
    description: `at most ${String(meta.constraints?.[0])} bytes in UTF-8 (what a NATS message carries)`,
  }),
  isCredentialFields: {
    type: 'object',
    additionalProperties: { type: 'string', maxLength: 1024 },
    minProperties: 1,
    maxProperties: 12,
    description:
      "a rail's credentials: named text fields (MoMo partnerCode, accessKey, secretKey; VNPay tmnCode, hashSecret; payOS clientId, apiKey, checksumKey)",
  },
  isLanguageTag: { type: 'string', maxLength: 35, description: 'a BCP 47 language tag, e.g. vi or en-US' },
  isNotGivenWithBody: { type: 'string', description: 'not given together with body' },
  isFutureInstant: { type: 'string', description: 'a future instant with a time zone, e.g. 2027-06-30T23:59:59+07:00' },
  isOdrlPolicy: {
    type: 'object',
    additionalProperties: true,
    description:
      "an ODRL 2.2 policy in JSON-LD (Set, Offer or Agreement; @context naming http://www.w3.org/ns/odrl.jsonld and, for the suite's terms, https://revenue-suite.dev/ns/odrl.jsonld), at most 64 KiB",
  },
};
