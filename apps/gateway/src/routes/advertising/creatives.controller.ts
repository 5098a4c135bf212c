import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Caller, RpcClient } from '@libs/common';
import {
  ApproveCreative,
  AttachCreative,
  CreateCreative,
  CreateCreativeRequest,
  CreativeAttachment,
  CreativeChanges,
  CreativeListResponse,
  CreativeRejection,
  CreativeView,
  GetCreative,
  GetCreativeContent,
  ListCreatives,
  ListCreativesRequest,
  RejectCreative,
  UpdateCreative,
} from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { UuidParam } from '../../http/uuid-param.pipe';

/** Types a preview may be served as; anything else is sent as a download of bytes. */
const PREVIEW_TYPES = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/zip',
  'text/plain; charset=utf-8',
]);

/** Advertisers' creatives: image, HTML5 zip, third-party tag, native; reviewed by ad ops, attached to order lines. */
@ApiTags('advertising')
@ApiBearerAuth()
@Controller('v1/advertising/creatives')
export class AdvertisingCreativesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @Access(CreateCreative)
  @ApiOperation({
    summary:
      'Create a creative (pending review): image (PNG/JPEG/GIF/WebP of exactly its size, weight per size), html5 (zip with its entry file), tag (https-only HTML), or native (headline ≤ 90, image, click URL); the file as contentBase64 or fetched from contentUrl (public addresses only). 400 names the field, nothing written',
  })
  @ApiCreatedResponse({ type: CreativeView })
  createCreative(@Body() body: CreateCreativeRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(CreateCreative, body, caller);
  }

  @Get()
  @Access(ListCreatives)
  @ApiOperation({ summary: "Creatives, newest first (100 at most); an advertiser's key sees only its own" })
  @ApiOkResponse({ type: CreativeListResponse })
  listCreatives(@Query() query: ListCreativesRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(ListCreatives, query, caller);
  }

  @Get(':id')
  @Access(GetCreative)
  @ApiOkResponse({ type: CreativeView })
  getCreative(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetCreative, { id }, caller);
  }

  @Patch(':id')
  @Access(UpdateCreative)
  @ApiOperation({ summary: 'Change a creative; it goes back to review (pending-review)' })
  @ApiOkResponse({ type: CreativeView })
  updateCreative(@Param('id', UuidParam) id: string, @Body() body: CreativeChanges, @CallerFor() caller: Caller) {
    return this.rpc.request(UpdateCreative, { ...body, id }, caller);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Access(ApproveCreative)
  @ApiOperation({ summary: 'Approve a creative pending review (409 otherwise)' })
  @ApiOkResponse({ type: CreativeView })
  approveCreative(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(ApproveCreative, { id }, caller);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Access(RejectCreative)
  @ApiOperation({ summary: 'Reject a creative pending review, with the reason (409 otherwise)' })
  @ApiOkResponse({ type: CreativeView })
  rejectCreative(@Param('id', UuidParam) id: string, @Body() body: CreativeRejection, @CallerFor() caller: Caller) {
    return this.rpc.request(RejectCreative, { ...body, id }, caller);
  }

  @Post(':id/attachments')
  @HttpCode(200)
  @Access(AttachCreative)
  @ApiOperation({
    summary:
      "Attach the creative to a line of its advertiser's order; the line's unit must accept its size (400 naming orderLineId)",
  })
  @ApiOkResponse({ type: CreativeView })
  attachCreative(@Param('id', UuidParam) id: string, @Body() body: CreativeAttachment, @CallerFor() caller: Caller) {
    return this.rpc.request(AttachCreative, { ...body, id }, caller);
  }

  @Get(':id/content')
  @Access(GetCreativeContent)
  @ApiOperation({
    summary:
      "The creative's stored file for ad ops to preview (a tag as text/plain), sandboxed: Content-Security-Policy: sandbox, X-Content-Type-Options: nosniff",
  })
  @ApiProduces(
    'image/png',
    'image/jpeg',
    'image/gif',
    'image/webp',
    'application/zip',
    'text/plain',
    'application/octet-stream',
  )
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async getCreativeContent(
    @Param('id', UuidParam) id: string,
    @CallerFor() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const content = await this.rpc.request(GetCreativeContent, { id }, caller);
    void reply
      .header('content-type', PREVIEW_TYPES.has(content.contentType) ? content.contentType : 'application/octet-stream')
      .header('content-security-policy', 'sandbox')
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', `inline; filename="creative-${id}"`)
      .header('etag', `"${content.sha256}"`);
    return Buffer.from(content.contentBase64, 'base64');
  }
}
