import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access } from '../access/access.decorator';
import { AD_SNIPPET_SOURCE } from './ad-snippet';

/** The ad snippet agencies put on their pages (see `adSnippet`). */
@ApiExcludeController()
@Controller()
export class AdSnippetController {
  @Get('ads.js')
  @Access('public')
  snippet(@Res() reply: FastifyReply): void {
    void reply
      .header('content-type', 'application/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .header('access-control-allow-origin', '*')
      .send(AD_SNIPPET_SOURCE);
  }
}
