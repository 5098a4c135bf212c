import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { Msg, NatsConnection } from '@nats-io/transport-node';
import { connectNats } from '@libs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let active: DocumentConformance | null = null;

/** The checker of the suite running in this test file, if any. */
export function activeConformance(): DocumentConformance | null {
  return active;
}

/** Makes `checker` the one the test file's HTTP client reports answers to (null: none). */
export function checkAnswersWith(checker: DocumentConformance | null): void {
  active = checker;
}

/** Tests mark what they publish themselves (fixtures, poison): only the suite's own messages are checked. */
export const TEST_FIXTURE_HEADER = 'x-test-fixture';

type Json = Record<string, unknown>;

const DOCS = join(__dirname, '..', '..', 'docs');

/**
 * Checks what the suite really sends against its own API documents, as a client generated from
 * them would read it: every HTTP answer an end-to-end test receives (status documented, body valid
 * against the operation's schema) and every event published on the bus (against
 * docs/asyncapi.json). One per test file; `TestSuite.close()` fails the file on a mismatch.
 */
export class DocumentConformance {
  private readonly ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly operations: { pattern: RegExp; path: string; methods: Json }[];
  private readonly channels = new Map<string, string>(); // address -> channel id
  private readonly violations = new Set<string>();
  private tap: NatsConnection | null = null;

  constructor() {
    addFormats(this.ajv);
    const openapi = asJsonSchema(JSON.parse(readFileSync(join(DOCS, 'openapi.json'), 'utf8')) as Json);
    const asyncapi = JSON.parse(readFileSync(join(DOCS, 'asyncapi.json'), 'utf8')) as Json;
    this.ajv.addSchema({ ...openapi, $id: 'openapi' });
    this.ajv.addSchema({ ...asyncapi, $id: 'asyncapi' });
    this.operations = Object.entries(openapi.paths as Record<string, Json>).map(([path, methods]) => ({
      path,
      methods,
      pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }));
    for (const [id, channel] of Object.entries(asyncapi.channels as Record<string, { address?: string }>)) {
      if (channel.address) this.channels.set(channel.address, id);
    }
  }

  /**
   * Starts reading the events published on the suite's NATS server, and checking the API's
   * answers. Only `evt.>`: a listener on request subjects would answer for services that are down
   * (no "no responders" any more), and RPC replies reach clients as the gateway's answers anyway.
   */
  async watch(natsUrl: string): Promise<void> {
    this.tap = await connectNats(natsUrl, 'document-conformance');
    this.tap.subscribe('evt.>', {
      callback: (error, msg) => {
        if (!error) this.checkEvent(msg);
      },
    });
  }

  /** An HTTP answer as a client received it. */
  checkAnswer(method: string, url: string, status: number, contentType: string | null, body: unknown): void {
    const path = new URL(url).pathname;
    const operation = this.operations.find((o) => o.pattern.test(path) && o.methods[method.toLowerCase()]);
    if (!operation) return; // not part of the API document (health, pages, scripts)
    const where = `${method} ${operation.path} → ${status}`;
    const responses = (operation.methods[method.toLowerCase()] as { responses: Record<string, Json> }).responses;
    const response = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
    if (!response) return void this.violations.add(`${where}: status not documented`);
    const content = response.content as Record<string, { schema?: Json }> | undefined;
    if (!content || body === null || body === '' || status === 204) return;
    const type = (contentType ?? '').split(';')[0].trim();
    if (!content[type])
      return void this.violations.add(`${where}: answered ${type}, documented ${Object.keys(content).join(', ')}`);
    const schema = content[type].schema;
    if (schema && type.endsWith('json')) this.validate(where, `openapi:${where}`, schema, body, 'openapi');
  }

  /** Stops reading the bus and answers what did not match the documents. */
  async finish(): Promise<{ violations: string[] }> {
    await this.tap?.drain().catch(() => undefined);
    this.tap = null;
    return { violations: [...this.violations].sort() };
  }

  private checkEvent(msg: Msg): void {
    if (msg.headers?.get(TEST_FIXTURE_HEADER)) return;
    const channel = this.channels.get(msg.subject);
    if (channel) this.checkPayload(channel, msg);
    else this.violations.add(`${msg.subject}: published, but no channel of the AsyncAPI document has that address`);
  }

  private checkPayload(message: string, msg: Msg): void {
    let payload: unknown;
    try {
      payload = msg.json();
    } catch {
      return void this.violations.add(`${msg.subject} (${message}): not JSON`);
    }
    const ref = `asyncapi#/components/messages/${message}/payload`;
    this.validate(message, ref, { $ref: ref }, payload, 'asyncapi');
  }

  private validate(where: string, key: string, schema: Json, value: unknown, base: 'openapi' | 'asyncapi'): void {
    let validator = this.validators.get(key);
    if (!validator) {
      validator = this.ajv.compile(base === 'openapi' ? rebase(schema) : schema);
      this.validators.set(key, validator);
    }
    if (!validator(value)) {
      const [first] = validator.errors ?? [];
      this.violations.add(
        `${where}: ${first?.instancePath || '(root)'} ${first?.message ?? 'invalid'} ${JSON.stringify(first?.params ?? {})}`,
      );
    }
  }
}

/** Local `#/components/...` references inside an operation's schema point into the document. */
function rebase(schema: Json): Json {
  return JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"openapi#/components/')) as Json;
}

/** OpenAPI 3.0 `nullable: true` as JSON Schema: `null` among the allowed types. */
function asJsonSchema(node: Json): Json {
  return JSON.parse(JSON.stringify(node), (_key, value: unknown) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
    const schema = value as Json;
    if (schema.nullable !== true) return schema;
    const { nullable: _nullable, ...rest } = schema;
    if (rest.allOf) return { anyOf: [{ allOf: rest.allOf }, { type: 'null' }] };
    return typeof rest.type === 'string' ? { ...rest, type: [rest.type, 'null'] } : { anyOf: [rest, { type: 'null' }] };
  }) as Json;
}
