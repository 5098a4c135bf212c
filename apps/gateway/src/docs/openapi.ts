import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';

/**
 * The OpenAPI document, generated from the controllers; the schemas of request and response
 * classes come from their validation rules (one source for validation and documentation).
 */
export function buildOpenApiDocument(app: NestFastifyApplication, version: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Revenue suite API')
    .setDescription(
      'Paywall, subscriptions, advertising, licensing and finance for press agencies. ' +
        'Errors are RFC 9457 problem+json. Every POST honours an `Idempotency-Key` header.',
    )
    .setVersion(version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'secret API key (sk_...) or console access token' })
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Site-Key', description: 'publishable site key (pk_...)' }, 'siteKey')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  const fromValidation = validationMetadatasToSchemas({
    refPointerPrefix: '#/components/schemas/',
    classTransformerMetadataStorage: defaultMetadataStorage,
  });
  const schemas = (document.components ??= {}).schemas ??= {};
  for (const [name, schema] of Object.entries(fromValidation)) {
    const existing = schemas[name] as { properties?: object } | undefined;
    if (!existing || !existing.properties || Object.keys(existing.properties).length === 0) {
      schemas[name] = schema as (typeof schemas)[string];
    }
  }
  return document;
}

export function serveApiDocs(app: NestFastifyApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', yamlDocumentUrl: 'openapi.yaml' });
}
