import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { buildAsyncApiDocument } from '@libs/contracts';
import { Access } from '../access/access.decorator';
import { SUITE_VERSION } from './suite-version';

@ApiExcludeController()
@Controller()
export class DocsController {
  private readonly asyncApi = buildAsyncApiDocument(SUITE_VERSION);

  @Get('asyncapi.json')
  @Access('public')
  @Header('cache-control', 'public, max-age=300')
  asyncapi() {
    return this.asyncApi;
  }
}
