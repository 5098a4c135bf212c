import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access } from '../access/access.decorator';
import { PAYWALL_SNIPPET_SOURCE } from './paywall-snippet';

/** The reader snippet agencies put on article pages (see `paywallSnippet`). */
@ApiExcludeController()
@Controller()
export class ReaderSnippetController {
  @Get('paywall.js')
  @Access('public')
  snippet(@Res() reply: FastifyReply): void {
    void reply
      .header('content-type', 'application/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .header('access-control-allow-origin', '*')
      .send(PAYWALL_SNIPPET_SOURCE);
  }
}
