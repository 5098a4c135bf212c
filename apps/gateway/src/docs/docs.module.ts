import { Module } from '@nestjs/common';
import { DocsController } from './docs.controller';

/** The API documents: AsyncAPI from the contracts (the OpenAPI document is set up at start). */
@Module({ controllers: [DocsController] })
export class DocsModule {}
