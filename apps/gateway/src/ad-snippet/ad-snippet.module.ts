import { Module } from '@nestjs/common';
import { AdSnippetController } from './ad-snippet.controller';

/** The ad snippet, `/ads.js`. */
@Module({ controllers: [AdSnippetController] })
export class AdSnippetModule {}
