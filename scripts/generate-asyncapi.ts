import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAsyncApiDocument } from '@libs/contracts';
import { SUITE_VERSION } from '../apps/gateway/src/docs/suite-version';

/** `npm run asyncapi`: writes docs/asyncapi.json from the contracts (a test keeps it current). */
export function renderAsyncApi(): string {
  return `${JSON.stringify(buildAsyncApiDocument(SUITE_VERSION), null, 2)}\n`;
}

if (require.main === module) {
  writeFileSync(join(process.cwd(), 'docs', 'asyncapi.json'), renderAsyncApi());
  console.log('wrote docs/asyncapi.json');
}
