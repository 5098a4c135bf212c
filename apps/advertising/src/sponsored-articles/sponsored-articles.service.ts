import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditTrail, Caller, ConflictError, DomainError, NotFoundError, ValidationFailedError } from '@libs/common';
import {
  BookSponsoredArticleRequest,
  DEFAULT_SPONSORED_LABELS,
  FieldError,
  ListSponsoredArticlesRequest,
  OrderView,
  SponsoredArticleView,
  SponsoredLabelView,
} from '@libs/contracts';
import { AdUnitsService } from '../ad-units/ad-units.service';
import { CreativesService } from '../creatives/creatives.service';
import { clickUrlProblem } from '../creatives/creative-rules';
import { namedDays, OrdersService, RoomGap } from '../orders/orders.service';
import { QuotesService } from '../quotes/quotes.service';
import { AdvertisingTenantRepository } from '../tenants/advertising-tenant.repository';
import { SponsoredArticleRepository } from './sponsored-article.repository';

/** A booking's fields as the quote names them: the exposure window is the line's flight. */
const EXPOSURE_FIELDS: Readonly<Record<string, string>> = { flightStart: 'exposureStart', flightEnd: 'exposureEnd' };

/**
 * Sponsored articles ("bài PR"): an advertiser pays per article for an article published on the
 * site, always labelled sponsored, and exposed on a homepage unit for a window. The booking is an
 * order of one `sponsorship` line of that unit over the window (held exclusively, so sold once),
 * priced from the unit's rate card per article, and its teaser: a native creative with the article's
 * headline and image, linking to the article, labelled with the agency's sponsored label, which the
 * advertiser cannot change or remove.
 */
@Injectable()
export class SponsoredArticlesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly quotes: QuotesService,
    private readonly orders: OrdersService,
    private readonly adUnits: AdUnitsService,
    private readonly creatives: CreativesService,
    private readonly tenants: AdvertisingTenantRepository,
    private readonly articles: SponsoredArticleRepository,
    private readonly audit: AuditTrail,
  ) {}

  async book(caller: Caller, request: BookSponsoredArticleRequest): Promise<OrderView> {
    const tenantId = caller.tenantId;
    const advertiser = (await this.quotes.advertiserFor(caller, request.advertiserId, 'advertiserId', true))!;
    const errors: FieldError[] = [];
    const articleProblem = clickUrlProblem(request.articleUrl, 'articleUrl');
    if (articleProblem) errors.push(articleProblem);
    const [unit] = await this.adUnits.findMany(tenantId, [request.adUnitId]);
    if (unit && !unit.sizes.includes('native'))
      errors.push({ field: 'adUnitId', message: `ad unit ${unit.code} takes no native ad: the teaser is one` });
    if (unit && !unit.pageTypes.includes('home'))
      errors.push({ field: 'adUnitId', message: `ad unit ${unit.code} is not on the home page` });
    const teaser = {
      articleUrl: request.articleUrl,
      headline: request.headline,
      ...(request.imageBase64 !== undefined && { imageBase64: request.imageBase64 }),
      ...(request.imageUrl !== undefined && { imageUrl: request.imageUrl }),
    };
    const checked = await collecting(errors, () => this.creatives.checkTeaser(teaser));
    const priced = await collecting(errors, () =>
      this.quotes.price(
        tenantId,
        [
          {
            adUnitId: request.adUnitId,
            pricingModel: 'sponsorship',
            flightStart: request.exposureStart,
            flightEnd: request.exposureEnd,
            product: 'sponsored-article',
          },
        ],
        !!advertiser.mediaAgency,
        (_i, field) => EXPOSURE_FIELDS[field] ?? 'adUnitId',
      ),
    );
    if (errors.length > 0 || !checked || !priced)
      throw new ValidationFailedError(
        errors.filter((e, i) => errors.findIndex((o) => o.field === e.field && o.message === e.message) === i),
      );
    const { label } = await this.label(tenantId);
    const creativeId = randomUUID();
    return this.orders.book(
      tenantId,
      {
        advertiserId: advertiser.id,
        name: request.name ?? `${label}: ${request.headline}`.slice(0, 200),
        paymentTerms: advertiser.paymentTerms,
        netDays: advertiser.netDays,
        holdHours: request.holdHours,
        sponsoredArticle: {
          articleUrl: request.articleUrl,
          articleId: request.articleId ?? null,
          headline: request.headline,
          label,
          creativeId,
          exposureStart: request.exposureStart,
          exposureEnd: request.exposureEnd,
        },
      },
      priced,
      {
        refusal: exposureTaken,
        within: (tx, lines) =>
          this.creatives.addTeaser(
            tx,
            { id: creativeId, tenantId, advertiserId: advertiser.id, lineId: lines[0].id, label, ...teaser },
            checked,
          ),
      },
    );
  }

  list(caller: Caller, request: ListSponsoredArticlesRequest): Promise<SponsoredArticleView[]> {
    return this.articles.findSold(caller.tenantId, request);
  }

  /** The label the agency's sponsored articles carry: the one it set, or its locale's default. */
  async label(tenantId: string): Promise<SponsoredLabelView> {
    const tenant = await this.tenants.findSponsoredLabel(tenantId);
    if (!tenant) throw new NotFoundError('agency');
    return labelViewOf(tenant);
  }

  /** Sets the label (null: back to the locale's default); bookings already made keep theirs. */
  async setLabel(tenantId: string, label: string | null): Promise<SponsoredLabelView> {
    const trimmed = label?.trim() ?? null;
    if (trimmed === '') throw new ValidationFailedError([{ field: 'label', message: 'must say something' }]);
    return this.dataSource.transaction(async (tx) => {
      const tenant = await this.tenants.findSponsoredLabel(tenantId, tx);
      if (!tenant) throw new NotFoundError('agency');
      await this.tenants.setSponsoredLabel(tx, tenantId, trimmed);
      const after = labelViewOf({ ...tenant, sponsoredLabel: trimmed });
      await this.audit.record(tx, {
        tenantId,
        action: 'sponsored-label.changed',
        targetType: 'sponsored-label',
        targetId: tenantId,
        before: labelViewOf(tenant),
        after,
      });
      return after;
    });
  }
}

function labelViewOf(tenant: { locale: string; sponsoredLabel: string | null }): SponsoredLabelView {
  if (tenant.sponsoredLabel !== null) return { label: tenant.sponsoredLabel, isDefault: false };
  const defaults: Record<string, string> = DEFAULT_SPONSORED_LABELS;
  return { label: defaults[tenant.locale] ?? DEFAULT_SPONSORED_LABELS.en, isDefault: true };
}

/** The window's days taken by another booking of the unit: named, nothing held. */
function exposureTaken(gaps: RoomGap[]): ConflictError {
  const [{ proposal, days }] = gaps;
  return new ConflictError(
    `ad unit ${proposal.unit.code} is taken on ${namedDays(days)}: a sponsored article's exposure takes it for every day of its window`,
  );
}

/** Runs a check, adding the fields it refuses to `errors` (the exposure window named as the booking names it). */
async function collecting<T>(errors: FieldError[], check: () => Promise<T>): Promise<T | null> {
  try {
    return await check();
  } catch (error) {
    if (!(error instanceof ValidationFailedError)) throw error;
    const found = (error as DomainError).errors ?? [];
    errors.push(...found.map((e) => ({ ...e, message: e.message.replace('flightStart', 'exposureStart') })));
    return null;
  }
}
