import { Body, Controller, Get, Headers, HttpCode, Param, ParseIntPipe, Post, Put, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Caller, createValidationPipe, RpcClient, ValidationFailedError } from '@libs/common';
import {
  CreateLicenceOffer,
  CreateLicenceOfferRequest,
  GetLicenceOffer,
  GetLicenceOfferRevision,
  LicenceOfferChanges,
  LicenceOfferListResponse,
  LicenceOfferPublication,
  LicenceOfferRevisionListResponse,
  LicenceOfferRevisionView,
  LicenceOfferView,
  ListLicenceOfferRevisions,
  ListLicenceOffers,
  OdrlPolicyDocument,
  PublishLicenceOffer,
  UpdateLicenceOffer,
} from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { asJsonLdRefusal, isJsonLd, JSON_LD, prefersJsonLd, sendJsonLd } from '../../http/json-ld';
import { UuidParam } from '../../http/uuid-param.pipe';

const POLICY_SCHEMA = {
  type: 'object',
  additionalProperties: true,
  description:
    'An ODRL 2.2 Offer in JSON-LD, its name in `dct:title`. Validated as in the JSON form; refusals name the term by its path in the document.',
};
const bothForms = (envelope: string) => ({
  required: true,
  content: {
    'application/json': { schema: { $ref: getSchemaPath(envelope) } },
    [JSON_LD]: { schema: POLICY_SCHEMA },
  },
});
const answeredAs = (view: string) => ({
  content: {
    'application/json': { schema: { $ref: getSchemaPath(view) } },
    [JSON_LD]: {
      schema: { type: 'object', additionalProperties: true, description: 'the ODRL policy itself (JSON-LD)' },
    },
  },
});

/**
 * Licence offers: ODRL 2.2 Offers (with the IPTC RightsML profile and the suite's own terms) of
 * the agency's content. A draft is edited, then published as an immutable revision. Bodies may be
 * JSON (`{name, policy}`) or the policy itself as JSON-LD; answers are JSON, or the policy itself
 * when `Accept` prefers `application/ld+json`.
 */
@ApiTags('licensing')
@ApiBearerAuth()
@ApiExtraModels(CreateLicenceOfferRequest, LicenceOfferChanges, LicenceOfferView, LicenceOfferRevisionView)
@Controller('v1/licensing/licence-offers')
export class LicensingLicenceOffersController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Access(ListLicenceOffers)
  @ApiOkResponse({ type: LicenceOfferListResponse })
  listLicenceOffers(@CallerFor() caller: Caller) {
    return this.rpc.request(ListLicenceOffers, {}, caller);
  }

  @Post()
  @Access(CreateLicenceOffer)
  @ApiOperation({ requestBody: bothForms(CreateLicenceOfferRequest.name) })
  @ApiOkResponse({ type: LicenceOfferView, description: 'the offer, its draft valid ODRL' })
  async createLicenceOffer(
    @Body() body: unknown,
    @Headers('content-type') type: string | undefined,
    @CallerFor() caller: Caller,
  ) {
    if (!isJsonLd(type)) {
      const request = await validated(CreateLicenceOfferRequest, body);
      return this.rpc.request(CreateLicenceOffer, request, caller);
    }
    const policy = policyOf(body);
    const name = titleOf(policy);
    if (name === undefined)
      throw new ValidationFailedError([{ field: 'dct:title', message: "names the offer (the policy's title)" }]);
    return this.rpc.request(CreateLicenceOffer, { name, policy }, caller).catch(refuseAsJsonLd);
  }

  @Get(':id')
  @Access(GetLicenceOffer)
  @ApiProduces('application/json', JSON_LD)
  @ApiOkResponse({
    description: 'the offer with its draft, or the draft ODRL policy itself',
    ...answeredAs(LicenceOfferView.name),
  })
  async getLicenceOffer(
    @Param('id', UuidParam) id: string,
    @Headers('accept') accept: string | undefined,
    @CallerFor() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const offer = await this.rpc.request(GetLicenceOffer, { id }, caller);
    return prefersJsonLd(accept) ? sendJsonLd(reply, offer.policy) : offer;
  }

  @Put(':id')
  @Access(UpdateLicenceOffer)
  @ApiOperation({
    summary:
      'Replace a licence offer\'s draft (JSON: `{name?, policy?, basedOnDraftVersion?}`; JSON-LD: the policy, `If-Match: "<draftVersion>"` to refuse overwriting another change with 409)',
    requestBody: bothForms(LicenceOfferChanges.name),
  })
  @ApiOkResponse({ type: LicenceOfferView })
  async updateLicenceOffer(
    @Param('id', UuidParam) id: string,
    @Body() body: unknown,
    @Headers('content-type') type: string | undefined,
    @Headers('if-match') ifMatch: string | undefined,
    @CallerFor() caller: Caller,
  ) {
    if (!isJsonLd(type)) {
      const changes = await validated(LicenceOfferChanges, body);
      return this.rpc.request(UpdateLicenceOffer, { ...changes, id }, caller);
    }
    const policy = policyOf(body);
    const basedOnDraftVersion = ifMatch === undefined ? undefined : draftVersionOf(ifMatch);
    const request = { id, policy, name: titleOf(policy), basedOnDraftVersion };
    return this.rpc.request(UpdateLicenceOffer, request, caller).catch(refuseAsJsonLd);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Access(PublishLicenceOffer)
  @ApiOperation({
    summary:
      'Publish the draft as the next immutable revision (body `{basedOnDraftVersion}` optional; 409 when the draft changed meanwhile or nothing changed since the last revision)',
  })
  @ApiOkResponse({ type: LicenceOfferRevisionView })
  publishLicenceOffer(
    @Param('id', UuidParam) id: string,
    @Body() body: LicenceOfferPublication,
    @CallerFor() caller: Caller,
  ) {
    return this.rpc.request(PublishLicenceOffer, { ...body, id }, caller);
  }

  @Get(':id/revisions')
  @Access(ListLicenceOfferRevisions)
  @ApiOkResponse({ type: LicenceOfferRevisionListResponse })
  listLicenceOfferRevisions(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(ListLicenceOfferRevisions, { id }, caller);
  }

  @Get(':id/revisions/:revision')
  @Access(GetLicenceOfferRevision)
  @ApiProduces('application/json', JSON_LD)
  @ApiOkResponse({
    description: 'the revision, or its ODRL policy itself',
    ...answeredAs(LicenceOfferRevisionView.name),
  })
  async getLicenceOfferRevision(
    @Param('id', UuidParam) id: string,
    @Param('revision', ParseIntPipe) revision: number,
    @Headers('accept') accept: string | undefined,
    @CallerFor() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const found = await this.rpc.request(GetLicenceOfferRevision, { id, revision }, caller);
    return prefersJsonLd(accept) ? sendJsonLd(reply, found.policy) : found;
  }
}

const VALIDATION = createValidationPipe();

/** A JSON body read as `type`, validated as every route's body is (unknown fields refused, each named). */
async function validated<T>(type: new () => T, body: unknown): Promise<T> {
  return (await VALIDATION.transform(body, { type: 'body', metatype: type, data: undefined })) as T;
}

/** A JSON-LD body: the policy document, an object. */
function policyOf(body: unknown): OdrlPolicyDocument {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new ValidationFailedError([{ field: 'body', message: 'a JSON-LD policy is an object' }]);
  return body as OdrlPolicyDocument;
}

/** The offer's name, from the policy's Dublin Core title (a string, or a value object). */
function titleOf(policy: OdrlPolicyDocument): string | undefined {
  const title = policy['dct:title'];
  const text =
    typeof title === 'object' && title !== null && '@value' in title
      ? (title as { '@value': unknown })['@value']
      : title;
  return typeof text === 'string' ? text : undefined;
}

/** `If-Match: "3"` (or `W/"3"`): the draft version the change was made from. */
function draftVersionOf(ifMatch: string): number {
  const match = /^(?:W\/)?"?([1-9]\d{0,8})"?$/.exec(ifMatch.trim());
  if (!match)
    throw new ValidationFailedError([{ field: 'If-Match', message: 'must name the draft version, e.g. "3"' }]);
  return Number(match[1]);
}

function refuseAsJsonLd(error: unknown): never {
  throw asJsonLdRefusal(error);
}
