import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { contractSchemas } from '@libs/contracts';
import { paywallPublicPaths } from './paywall-public-paths';
import { describeRoutes } from './route-descriptions';

/**
 * The OpenAPI document, generated from the controllers; the schemas of request and response
 * classes come from their validation rules (one source for validation and documentation). The
 * paywall's public decision endpoint, which the gateway does not serve, is added from its
 * contract classes with its own server.
 */
export function buildOpenApiDocument(app: NestFastifyApplication, version: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Revenue suite API')
    .setDescription(
      'Paywall, subscriptions, advertising, licensing and finance for press agencies. ' +
        'Errors are RFC 9457 problem+json. Every POST honours an `Idempotency-Key` header.',
    )
    .setVersion(version)
    .addServer('/', 'This gateway: the public API of the suite')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'secret API key (sk_...) or console access token' })
    .addApiKey(
      { type: 'apiKey', in: 'header', name: 'X-Site-Key', description: 'publishable site key (pk_...)' },
      'siteKey',
    )
    .build();
  const document = SwaggerModule.createDocument(app, config);
  const fromValidation = contractSchemas('openapi-3.0');
  describeRoutes(document, app);
  Object.assign(document.paths, paywallPublicPaths(fromValidation));
  const schemas = ((document.components ??= {}).schemas ??= {}) as Record<string, unknown>;
  const isEmpty = (schema: unknown) =>
    !(schema as { properties?: object } | undefined)?.properties ||
    Object.keys((schema as { properties: object }).properties).length === 0;
  // Fill what Swagger referenced but could not describe (classes without @ApiProperty), and
  // whatever those refer to in turn; nothing else class-validator happens to know.
  const pending = [...referencedSchemas(document)];
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (!(name in fromValidation) || (name in schemas && !isEmpty(schemas[name]))) continue;
    schemas[name] = fromValidation[name];
    pending.push(...referencedSchemas(fromValidation[name]));
  }
  return document;
}

function referencedSchemas(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => referencedSchemas(item, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/'))
        found.add(value.slice(21));
      else referencedSchemas(value, found);
    }
  }
  return found;
}

export function serveApiDocs(app: NestFastifyApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', yamlDocumentUrl: 'openapi.yaml' });
}
