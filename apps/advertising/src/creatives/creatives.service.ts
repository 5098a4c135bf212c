import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail, Caller, ConflictError, NotFoundError, ValidationFailedError } from '@libs/common';
import type {
  CreateCreativeRequest,
  CreativeStatus,
  FieldError,
  CreativeChanges,
  CreativeContentView,
  CreativeView,
  ListCreativesRequest,
} from '@libs/contracts';
import { advertiserScopeOf, AdvertisersService } from '../advertisers/advertisers.service';
import { CheckedContent, checkContent, contentFieldOf, requestProblems } from './creative-content';
import { clickUrlProblem, lawProblems, unitAccepts } from './creative-rules';
import { CreativeAction, reviewCreative } from './creative-review';
import { AdUnitServingPublisher } from '../serving/ad-unit-serving.publisher';
import { OrderServingPublisher } from '../serving/order-serving.publisher';
import { Creative } from './creative.entity';
import { CreativeRepository, CreativeScope } from './creative.repository';
import { safeFetch, UnsafeFetchRefusal } from './safe-fetch';

@Injectable()
export class CreativesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly creatives: CreativeRepository,
    private readonly advertisers: AdvertisersService,
    private readonly audit: AuditTrail,
    private readonly serving: OrderServingPublisher,
    private readonly unitServing: AdUnitServingPublisher,
  ) {}

  async create(caller: Caller, request: CreateCreativeRequest): Promise<CreativeView> {
    const advertiserId = await this.advertiserOf(caller, request.advertiserId);
    const errors = requestProblems(request);
    if (errors.length > 0) throw new ValidationFailedError(errors);
    const field = contentFieldOf(request);
    const bytes = await this.bytesOf(request, field);
    const { errors: contentErrors, checked } = checkContent(request, bytes, field);
    if (contentErrors.length > 0) throw new ValidationFailedError(contentErrors);
    return this.dataSource.transaction(async (tx) => {
      const creative = await this.creatives.add(tx, {
        tenantId: caller.tenantId,
        advertiserId,
        name: request.name,
        kind: request.kind,
        size: request.size,
        format: request.format ?? 'fixed',
        closeControlAfterMs: request.closeControlAfterMs ?? null,
        placement: request.placement ?? 'standard',
        label: request.label ?? null,
        clickUrl: request.clickUrl ?? null,
        headline: checked.headline,
        tag: checked.tag,
        entryFile: checked.entryFile,
        sourceUrl: request.contentUrl ?? null,
        content: checked.content,
        contentType: checked.contentType,
        contentBytes: checked.content?.length ?? 0,
        sha256: checked.content ? createHash('sha256').update(checked.content).digest('hex') : null,
        status: 'pending-review',
        rejectionReason: null,
        orderLineIds: [],
        sponsoredArticle: false,
      });
      const view = toView(creative);
      await this.audit.record(tx, {
        tenantId: caller.tenantId,
        action: 'creative.created',
        targetType: 'creative',
        targetId: creative.id,
        after: view,
      });
      return view;
    });
  }

  async list(caller: Caller, request: ListCreativesRequest): Promise<CreativeView[]> {
    return (await this.creatives.findMany(scopeOf(caller), request)).map(toView);
  }

  async get(caller: Caller, id: string): Promise<CreativeView> {
    const creative = await this.creatives.findOne(scopeOf(caller), id);
    if (!creative) throw new NotFoundError('creative', id);
    return toView(creative);
  }

  /** A change by anyone sends the creative back to review: what serves is always what was approved. */
  async update(caller: Caller, id: string, changes: CreativeChanges): Promise<CreativeView> {
    const defined = definedOf(changes);
    // nothing to change changes nothing, not even the review
    if (Object.keys(defined).length === 0) return this.get(caller, id);
    const errors: FieldError[] = [];
    if (changes.clickUrl !== undefined) {
      const problem = clickUrlProblem(changes.clickUrl, 'clickUrl');
      if (problem) errors.push(problem);
    }
    return this.change(caller, id, 'edit', undefined, (creative) => {
      const next = { ...creative, ...defined } as Creative;
      const problems = [
        ...errors,
        ...(creative.sponsoredArticle ? teaserChangeProblems(creative, defined) : []),
        ...(changes.headline !== undefined && creative.kind !== 'native'
          ? [{ field: 'headline', message: 'only a native creative has a headline' }]
          : []),
        ...lawProblems({
          format: next.format,
          closeControlAfterMs: next.closeControlAfterMs,
          placement: next.placement,
          label: next.label,
        }),
      ];
      if (problems.length > 0) throw new ValidationFailedError(problems);
      Object.assign(creative, next);
    });
  }

  review(caller: Caller, id: string, action: 'approve' | 'reject', reason?: string): Promise<CreativeView> {
    return this.change(caller, id, action, reason, (creative) => {
      creative.rejectionReason = action === 'reject' ? (reason ?? null) : null;
    });
  }

  /** Attaches the creative to a line of an order of the same advertiser, whose unit accepts its size. */
  attach(caller: Caller, id: string, orderLineId: string): Promise<CreativeView> {
    const scope = scopeOf(caller);
    return this.dataSource.transaction(async (tx) => {
      const creative = await this.creatives.findForChange(tx, scope, id);
      if (!creative) throw new NotFoundError('creative', id);
      const line = await this.creatives.findLine(tx, caller.tenantId, orderLineId);
      if (!line || line.advertiserId !== creative.advertiserId)
        throw new ValidationFailedError([
          { field: 'orderLineId', message: "is not a line of an order of the creative's advertiser" },
        ]);
      if (!unitAccepts(line.unitSizes, creative))
        throw new ValidationFailedError([
          {
            field: 'orderLineId',
            message: `its unit accepts ${line.unitSizes.join(', ')}, not a creative of size ${creative.size}`,
          },
        ]);
      if (line.unitFormat === 'native' && creative.placement !== 'in-content')
        throw new ValidationFailedError([
          {
            field: 'orderLineId',
            message: 'its unit is in article content: the creative must be placed in-content, with its label',
          },
        ]);
      if (creative.orderLineIds.includes(orderLineId)) return toView(creative);
      creative.orderLineIds = [...creative.orderLineIds, orderLineId];
      const saved = await this.creatives.save(tx, creative);
      if (saved.status === 'approved') await this.serving.linesChanged(tx, caller.tenantId, [orderLineId]);
      await this.audit.record(tx, {
        tenantId: caller.tenantId,
        action: 'creative.attached',
        targetType: 'creative',
        targetId: creative.id,
        after: { orderLineId },
      });
      return toView(saved);
    });
  }

  /** The creatives attached to any of these lines, with their review (is a takeover's every unit covered?). */
  attachedTo(
    tx: EntityManager,
    tenantId: string,
    lineIds: string[],
  ): Promise<{ orderLineIds: string[]; status: CreativeStatus }[]> {
    return this.creatives.findAttachedTo(tx, tenantId, lineIds);
  }

  /**
   * A sponsored article's teaser checked before anything is written: a native creative whose
   * headline is the article's, whose image is given or fetched (SSRF-safe) and checked as any native
   * image, and which links to the article. Faults name the booking's fields (`imageBase64`,
   * `imageUrl`, `articleUrl`, `headline`).
   */
  async checkTeaser(teaser: SponsoredTeaser): Promise<CheckedContent> {
    const request: CreateCreativeRequest = {
      name: teaser.headline,
      kind: 'native',
      size: 'native',
      clickUrl: teaser.articleUrl,
      headline: teaser.headline,
      ...(teaser.imageBase64 !== undefined && { contentBase64: teaser.imageBase64 }),
      ...(teaser.imageUrl !== undefined && { contentUrl: teaser.imageUrl }),
    };
    const named = (errors: FieldError[]) =>
      errors.map((error) => ({ ...error, field: TEASER_FIELDS[error.field] ?? error.field }));
    const errors = requestProblems(request);
    if (errors.length > 0) throw new ValidationFailedError(named(errors));
    const field = contentFieldOf(request);
    let bytes: Buffer | null;
    try {
      bytes = await this.bytesOf(request, field);
    } catch (error) {
      if (error instanceof ValidationFailedError) throw new ValidationFailedError(named(error.errors ?? []));
      throw error;
    }
    const { errors: contentErrors, checked } = checkContent(request, bytes, field);
    if (contentErrors.length > 0) throw new ValidationFailedError(named(contentErrors));
    return checked;
  }

  /**
   * Writes a sponsored article's teaser, attached to its line and pending review, in the booking's
   * transaction: labelled with the agency's sponsored label, linking to the article, both kept so.
   */
  async addTeaser(
    tx: EntityManager,
    teaser: { id: string; tenantId: string; advertiserId: string; lineId: string; label: string } & SponsoredTeaser,
    checked: CheckedContent,
  ): Promise<void> {
    const creative = await this.creatives.add(tx, {
      id: teaser.id,
      tenantId: teaser.tenantId,
      advertiserId: teaser.advertiserId,
      name: `${teaser.label}: ${teaser.headline}`.slice(0, 200),
      kind: 'native',
      size: 'native',
      format: 'fixed',
      closeControlAfterMs: null,
      placement: 'standard',
      label: teaser.label,
      clickUrl: teaser.articleUrl,
      headline: checked.headline,
      tag: null,
      entryFile: null,
      sourceUrl: teaser.imageUrl ?? null,
      content: checked.content,
      contentType: checked.contentType,
      contentBytes: checked.content?.length ?? 0,
      sha256: checked.content ? createHash('sha256').update(checked.content).digest('hex') : null,
      status: 'pending-review',
      rejectionReason: null,
      orderLineIds: [teaser.lineId],
      sponsoredArticle: true,
    });
    await this.audit.record(tx, {
      tenantId: teaser.tenantId,
      action: 'creative.created',
      targetType: 'creative',
      targetId: creative.id,
      after: toView(creative),
    });
  }

  /** The agency's creatives among `ids`, for units' house ads (another agency's are not found). */
  findOfAgency(tenantId: string, ids: string[]): Promise<Creative[]> {
    return this.creatives.findManyOfTenant(tenantId, ids);
  }

  async content(caller: Caller, id: string): Promise<CreativeContentView> {
    const creative = await this.creatives.findWithContent(scopeOf(caller), id);
    if (!creative) throw new NotFoundError('creative', id);
    if (creative.content) {
      return {
        contentType: creative.contentType ?? 'application/octet-stream',
        contentBase64: creative.content.toString('base64'),
        sha256: creative.sha256 ?? '',
      };
    }
    const text = Buffer.from(creative.tag ?? '', 'utf8');
    return {
      contentType: 'text/plain; charset=utf-8',
      contentBase64: text.toString('base64'),
      sha256: createHash('sha256').update(text).digest('hex'),
    };
  }

  private change(
    caller: Caller,
    id: string,
    action: CreativeAction,
    reason: string | undefined,
    apply: (creative: Creative) => void,
  ): Promise<CreativeView> {
    return this.dataSource.transaction(async (tx) => {
      const creative = await this.creatives.findForChange(tx, scopeOf(caller), id);
      if (!creative) throw new NotFoundError('creative', id);
      const transition = reviewCreative(creative.status, action, reason);
      if (!transition.allowed) throw new ConflictError(transition.reason);
      const before = toView(creative);
      apply(creative);
      creative.status = transition.to;
      if (transition.to !== 'rejected') creative.rejectionReason = null;
      const saved = await this.creatives.save(tx, creative);
      await this.serving.linesChanged(tx, caller.tenantId, saved.orderLineIds);
      await this.unitServing.creativeChanged(tx, caller.tenantId, saved.id);
      const view = toView(saved);
      await this.audit.record(tx, {
        tenantId: caller.tenantId,
        action: action === 'edit' ? 'creative.edited' : `creative.${transition.to}`,
        targetType: 'creative',
        targetId: creative.id,
        before,
        after: { ...view, reason: reason ?? null },
      });
      return view;
    });
  }

  /** The advertiser a new creative belongs to: an advertiser key's own; for staff, one they name of the agency. */
  private async advertiserOf(caller: Caller, requested: string | undefined): Promise<string> {
    const own = advertiserScopeOf(caller);
    // an advertiser's key naming another advertiser learns nothing of it: as unknown
    if (own && requested && requested !== own) throw new NotFoundError('advertiser', requested);
    if (own) return own;
    if (!requested) throw new ValidationFailedError([{ field: 'advertiserId', message: 'name the advertiser' }]);
    if (!(await this.advertisers.find(caller.tenantId, requested)))
      throw new ValidationFailedError([{ field: 'advertiserId', message: 'is not an advertiser of the agency' }]);
    return requested;
  }

  private async bytesOf(request: CreateCreativeRequest, field: string): Promise<Buffer | null> {
    if (request.contentBase64 !== undefined) return Buffer.from(request.contentBase64, 'base64');
    if (request.contentUrl === undefined) return null;
    try {
      return await safeFetch(request.contentUrl);
    } catch (error) {
      if (error instanceof UnsafeFetchRefusal) throw new ValidationFailedError([{ field, message: error.message }]);
      throw error;
    }
  }
}

/** What a sponsored article's teaser is made of, as its booking gives it. */
export interface SponsoredTeaser {
  articleUrl: string;
  headline: string;
  imageBase64?: string;
  imageUrl?: string;
}

/** A teaser's faults, named as the booking's fields. */
const TEASER_FIELDS: Readonly<Record<string, string>> = {
  contentBase64: 'imageBase64',
  contentUrl: 'imageUrl',
  clickUrl: 'articleUrl',
};

/** A sponsored article's teaser keeps the booking's label, headline and link to the article. */
function teaserChangeProblems(creative: Creative, changes: CreativeChanges): FieldError[] {
  const kept = { label: 'label', headline: 'headline', clickUrl: 'link to the article' } as const;
  return (Object.keys(kept) as (keyof typeof kept)[])
    .filter((field) => changes[field] !== undefined && changes[field] !== creative[field])
    .map((field) => ({ field, message: `a sponsored article's teaser keeps its ${kept[field]}` }));
}

function scopeOf(caller: Caller): CreativeScope {
  return { tenantId: caller.tenantId, advertiserId: advertiserScopeOf(caller) };
}

function definedOf<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function toView(creative: Creative): CreativeView {
  return {
    id: creative.id,
    advertiserId: creative.advertiserId,
    name: creative.name,
    kind: creative.kind,
    size: creative.size,
    format: creative.format,
    closeControlAfterMs: creative.closeControlAfterMs,
    placement: creative.placement,
    label: creative.label,
    clickUrl: creative.clickUrl,
    headline: creative.headline,
    tag: creative.tag,
    entryFile: creative.entryFile,
    sourceUrl: creative.sourceUrl,
    contentType: creative.contentType,
    contentBytes: creative.contentBytes,
    sha256: creative.sha256,
    status: creative.status,
    rejectionReason: creative.rejectionReason,
    orderLineIds: creative.orderLineIds,
    sponsoredArticle: creative.sponsoredArticle,
    createdAt: creative.createdAt.toISOString(),
    updatedAt: creative.updatedAt.toISOString(),
  };
}
