import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { CUSTOM_RULE_SCHEMAS } from './custom-rule-schemas';
import { markNullable } from './nullable';

/**
 * JSON Schemas of every class with validation rules, keyed by class name: one source for the
 * OpenAPI and AsyncAPI documents and for validation itself. `openapi-3.0` marks a nullable
 * property `nullable: true`; `json-schema` adds `null` to its types.
 */
export function contractSchemas(style: 'openapi-3.0' | 'json-schema'): Record<string, Record<string, unknown>> {
  const schemas = validationMetadatasToSchemas({
    refPointerPrefix: '#/components/schemas/',
    classTransformerMetadataStorage: defaultMetadataStorage,
    additionalConverters: CUSTOM_RULE_SCHEMAS,
  }) as Record<string, Record<string, unknown>>;
  markNullable(schemas, style);
  return schemas;
}
