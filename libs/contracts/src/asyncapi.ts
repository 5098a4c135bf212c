import { allContracts, AnyContract } from './contract-registry';
import { contractSchemas } from './contract-schemas';
import { eventStreamOf } from './services';
import { RpcErrorCode } from './rpc-error';

type Json = Record<string, unknown>;

const ENVELOPE_HEADERS = {
  type: 'object',
  properties: {
    'Nats-Msg-Id': { type: 'string', description: 'the event id; JetStream drops a repeat within two minutes' },
    'x-tenant-id': { type: 'string', format: 'uuid' },
    'x-request-id': { type: 'string' },
    'x-actor': { type: 'string' },
  },
};

const RPC_HEADERS = {
  type: 'object',
  required: ['x-tenant-id', 'x-request-id'],
  properties: {
    'x-tenant-id': { type: 'string', format: 'uuid' },
    'x-request-id': { type: 'string' },
    'x-actor': { type: 'string' },
    'x-actor-roles': { type: 'string', description: 'comma-separated roles; the service re-checks them' },
  },
};

/** For a contract whose request names its tenant (`tenantFromRequest`): no tenant header needed. */
const TENANTLESS_RPC_HEADERS = {
  ...RPC_HEADERS,
  required: ['x-request-id'],
  properties: {
    ...RPC_HEADERS.properties,
    'x-tenant-id': {
      type: 'string',
      format: 'uuid',
      description: 'not needed: the service finds the tenant from the request',
    },
  },
};

function idOf(contract: AnyContract): string {
  return contract.subject.replace(/\./g, '_').replace(/-/g, '');
}

/**
 * The AsyncAPI 3.0 document of every subject of the suite, generated from the contract
 * declarations (never written by hand). Request-reply subjects use Nest's NATS packet
 * (`{ pattern, data, id }` in, `{ response | err, id }` out).
 */
export function buildAsyncApiDocument(version: string): Json {
  const schemas: Json = contractSchemas('json-schema');
  const channels: Json = {};
  const operations: Json = {};
  const messages: Json = {};
  const contracts = [...allContracts()].sort((a, b) => a.subject.localeCompare(b.subject));
  for (const contract of contracts) {
    const id = idOf(contract);
    if (contract.kind === 'event') {
      messages[id] = {
        name: contract.subject,
        summary: contract.description,
        headers: ENVELOPE_HEADERS,
        payload: {
          type: 'object',
          required: ['id', 'type', 'source', 'tenantId', 'time', 'subject', 'dataVersion', 'data'],
          properties: {
            id: { type: 'string', format: 'uuid' },
            type: { const: contract.subject },
            source: { const: contract.service },
            tenantId: { type: 'string', format: 'uuid' },
            time: { type: 'string', format: 'date-time' },
            subject: { type: 'string' },
            dataVersion: { const: contract.dataVersion },
            data: { $ref: `#/components/schemas/${contract.data.name}` },
          },
        },
      };
      channels[id] = { address: contract.subject, messages: { [id]: { $ref: `#/components/messages/${id}` } } };
      operations[`publish_${id}`] = {
        action: 'send',
        channel: { $ref: `#/channels/${id}` },
        summary: `${contract.service} publishes (JetStream stream ${eventStreamOf(contract.subject)})`,
      };
      continue;
    }
    // A class without validated fields (a tenant-scoped query) is the empty object.
    schemas[contract.request.name] ??= { type: 'object', properties: {}, additionalProperties: false };
    messages[`${id}_request`] = {
      name: `${contract.subject} request`,
      summary: contract.description,
      headers: contract.tenantFromRequest ? TENANTLESS_RPC_HEADERS : RPC_HEADERS,
      payload: packet({
        pattern: { const: contract.subject },
        data: { $ref: `#/components/schemas/${contract.request.name}` },
      }),
    };
    messages[`${id}_reply`] = {
      name: `${contract.subject} reply`,
      payload: packet({
        response: { $ref: `#/components/schemas/${contract.response.name}` },
        err: { $ref: '#/components/schemas/RpcErrorBody' },
      }),
    };
    channels[id] = {
      address: contract.subject,
      messages: { request: { $ref: `#/components/messages/${id}_request` } },
    };
    // no address: the reply goes to the requester's own inbox, unknown until the request is sent
    channels[`${id}_reply`] = {
      description: 'the requester inbox',
      messages: { reply: { $ref: `#/components/messages/${id}_reply` } },
    };
    operations[`serve_${id}`] = {
      action: 'receive',
      channel: { $ref: `#/channels/${id}` },
      summary: `${contract.service} answers, queue group "${contract.service}"`,
      reply: { channel: { $ref: `#/channels/${id}_reply` } },
    };
  }
  schemas.RpcErrorBody = {
    type: 'object',
    required: ['code', 'message'],
    properties: {
      code: {
        type: 'string',
        enum: Object.values(RpcErrorCode),
      },
      message: { type: 'string' },
      errors: {
        type: 'array',
        items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
      },
      retryAfterS: { type: 'integer', description: 'with `unavailable`: when to try again, in seconds' },
    },
  };
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Revenue suite messaging',
      version,
      description:
        'Request-reply subjects `<service>.<aggregate>.<verb>.v<major>` and JetStream events `evt.<service>.<aggregate>.<past-tense>.v<major>`.',
    },
    defaultContentType: 'application/json',
    servers: { local: { host: '127.0.0.1:4222', protocol: 'nats', description: 'NATS with JetStream' } },
    channels,
    operations,
    components: { messages, schemas: sortKeys(reachable(schemas, messages)) },
  };
}

function packet(properties: Json): Json {
  return { type: 'object', properties: { ...properties, id: { type: 'string' } } };
}

/** Only the schemas the messages refer to (class-validator knows every class loaded). */
function reachable(schemas: Json, from: Json): Json {
  const kept: Json = {};
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
        const name = value.slice('#/components/schemas/'.length);
        if (!(name in kept) && name in schemas) {
          kept[name] = schemas[name];
          visit(schemas[name]);
        }
      } else visit(value);
    }
  };
  visit(from);
  return kept;
}

function sortKeys(object: Json): Json {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b)));
}
