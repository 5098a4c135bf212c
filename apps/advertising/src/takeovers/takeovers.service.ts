import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Caller, ConflictError, NotFoundError, ValidationFailedError } from '@libs/common';
import type {
  BookTakeoverRequest,
  FieldError,
  OrderTakeoverView,
  OrderView,
  ProposedTakeover,
  TakeoverQuoteView,
} from '@libs/contracts';
import { AdUnitsService } from '../ad-units/ad-units.service';
import { namedDays, OrdersService, RoomGap } from '../orders/orders.service';
import { PricedProposal, QuotesService } from '../quotes/quotes.service';
import { TakeoverPagesService } from '../takeover-pages/takeover-pages.service';

/**
 * Takeovers (roadblocks): one advertiser takes every unit of a page exclusively for each day of a
 * flight, all or none. A takeover is an order of `sponsorship` lines, one per unit, sharing a
 * roadblock id; each line is priced from its unit's rate card as a sponsorship of that unit, and
 * the takeover costs their sum (no separate takeover price: ad ops price a page by its units).
 */
@Injectable()
export class TakeoversService {
  constructor(
    private readonly quotes: QuotesService,
    private readonly orders: OrdersService,
    private readonly pages: TakeoverPagesService,
    private readonly adUnits: AdUnitsService,
  ) {}

  async quote(caller: Caller, request: ProposedTakeover): Promise<TakeoverQuoteView> {
    const advertiser = await this.quotes.advertiserFor(caller, request.advertiserId, 'advertiserId', false);
    const { priced } = await this.propose(caller.tenantId, request, !!advertiser?.mediaAgency);
    const sum = (pick: (p: PricedProposal) => string) =>
      priced.reduce((total, p) => total + BigInt(pick(p)), 0n).toString();
    return {
      currency: priced[0].quote.currency,
      units: priced.map((p) => p.quote),
      taxable: sum((p) => p.quote.steps.taxable),
      vat: sum((p) => p.quote.steps.vat),
      total: sum((p) => p.quote.steps.total),
    };
  }

  /** Holds every unit for every day in one transaction, or nothing (409 naming each unit and day taken). */
  async book(caller: Caller, request: BookTakeoverRequest): Promise<OrderView> {
    const advertiser = (await this.quotes.advertiserFor(caller, request.advertiserId, 'advertiserId', true))!;
    const { priced, takeover } = await this.propose(caller.tenantId, request, !!advertiser.mediaAgency);
    return this.orders.book(
      caller.tenantId,
      {
        advertiserId: advertiser.id,
        name: request.name,
        paymentTerms: advertiser.paymentTerms,
        netDays: advertiser.netDays,
        holdHours: request.holdHours,
        takeover,
      },
      priced,
      { refusal: takenUnits },
    );
  }

  /** The takeover's units (the page's, or those named, of one site) as sponsorship lines, priced. */
  private async propose(
    tenantId: string,
    request: ProposedTakeover,
    commissionable: boolean,
  ): Promise<{ priced: PricedProposal[]; takeover: OrderTakeoverView }> {
    const byPage = request.pageId !== undefined;
    if (byPage === (request.adUnitIds !== undefined))
      throw new ValidationFailedError([
        { field: 'pageId', message: 'name the takeover page, or its units as adUnitIds (one of them)' },
      ]);
    const page = byPage ? await this.pageOf(tenantId, request.pageId!) : null;
    const adUnitIds = page?.adUnitIds ?? request.adUnitIds!;
    if (!page) await this.refuseSeveralSites(tenantId, adUnitIds);
    const roadblockId = randomUUID();
    const priced = await this.quotes.price(
      tenantId,
      adUnitIds.map((adUnitId) => ({
        adUnitId,
        pricingModel: 'sponsorship' as const,
        flightStart: request.flightStart,
        flightEnd: request.flightEnd,
        roadblockId,
      })),
      commissionable,
      (i, field) => (field === 'flightStart' || field === 'flightEnd' ? field : page ? 'pageId' : `adUnitIds[${i}]`),
    );
    return { priced, takeover: { pageId: page?.id ?? null, pageCode: page?.code ?? null, roadblockId } };
  }

  /** The agency's page; another agency's or an unknown one is bad input naming `pageId`. */
  private async pageOf(tenantId: string, pageId: string) {
    try {
      return await this.pages.find(tenantId, pageId);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      throw new ValidationFailedError([{ field: 'pageId', message: 'must be a takeover page of the agency' }]);
    }
  }

  /** A takeover is of one page: units named by the booking are all of one site. */
  private async refuseSeveralSites(tenantId: string, adUnitIds: string[]): Promise<void> {
    const units = await this.adUnits.findMany(tenantId, adUnitIds);
    const siteOf = (id: string) => units.find((unit) => unit.id === id)?.siteId;
    const first = siteOf(adUnitIds[0]);
    const errors: FieldError[] = adUnitIds
      .map((id, i) => ({ id, i }))
      .filter(({ id }) => first && siteOf(id) && siteOf(id) !== first)
      .map(({ i }) => ({
        field: `adUnitIds[${i}]`,
        message: 'is on another site than adUnitIds[0]: a takeover is of one page',
      }));
    if (errors.length > 0) throw new ValidationFailedError(errors);
  }
}

/** The takeover needs every unit on every day: each taken unit and its days are named. */
function takenUnits(gaps: RoomGap[]): ConflictError {
  return new ConflictError(
    `the takeover needs every unit on every day of its flight; taken: ${gaps
      .map(({ proposal, days }) => `ad unit ${proposal.unit.code} on ${namedDays(days)}`)
      .join('; ')}`,
  );
}
