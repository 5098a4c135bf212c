import { Module } from '@nestjs/common';
import { ReaderSnippetController } from './reader-snippet.controller';

/** The reader snippet, `/paywall.js`. */
@Module({ controllers: [ReaderSnippetController] })
export class ReaderSnippetModule {}
