import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditTrail, NotFoundError, ValidationFailedError } from '@libs/common';
import { FieldError, RateCardTerms, RateCardView } from '@libs/contracts';
import { AdUnitsService } from '../ad-units/ad-units.service';
import { isCalendarDay } from '../calendar/agency-days';
import { AgencyCalendarRepository } from '../calendar/agency-calendar.repository';
import { RateCard } from './rate-card.entity';
import { RateCardRepository } from './rate-card.repository';

@Injectable()
export class RateCardsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cards: RateCardRepository,
    private readonly adUnits: AdUnitsService,
    private readonly calendars: AgencyCalendarRepository,
    private readonly audit: AuditTrail,
  ) {}

  async get(tenantId: string, adUnitId: string): Promise<RateCardView> {
    await this.adUnits.get(tenantId, adUnitId);
    const card = await this.cards.findOfUnit(tenantId, adUnitId);
    if (!card) throw new NotFoundError('rate card of ad unit', adUnitId);
    return toView(card);
  }

  async put(tenantId: string, adUnitId: string, terms: RateCardTerms): Promise<RateCardView> {
    await this.adUnits.get(tenantId, adUnitId);
    checkTerms(terms);
    const currency = terms.currency ?? (await this.calendars.findOfTenant(tenantId)).defaultCurrency;
    return this.dataSource.transaction(async (tx) => {
      const current = await this.cards.findForChange(tx, tenantId, adUnitId);
      const card = await this.cards.save(tx, {
        adUnitId,
        tenantId,
        currency,
        cpdPrice: terms.cpdPrice ?? null,
        cpmPrice: terms.cpmPrice ?? null,
        sponsorshipDayPrice: terms.sponsorshipDayPrice ?? null,
        sponsoredArticlePrice: terms.sponsoredArticlePrice ?? null,
        vatRateBp: terms.vatRateBp,
        seasonalMultipliers: terms.seasonalMultipliers,
        volumeDiscounts: terms.volumeDiscounts,
        commissionTiers: terms.commissionTiers,
        cancellationPenalties: terms.cancellationPenalties,
        version: (current?.version ?? 0) + 1,
      });
      const view = toView(card);
      await this.audit.record(tx, {
        tenantId,
        action: current ? 'rate-card.changed' : 'rate-card.created',
        targetType: 'rate-card',
        targetId: adUnitId,
        before: current ? toView(current) : null,
        after: view,
      });
      return view;
    });
  }

  /** The cards of units, by unit id. */
  async ofUnits(tenantId: string, adUnitIds: string[]): Promise<Map<string, RateCard>> {
    return new Map((await this.cards.findOfUnits(tenantId, adUnitIds)).map((card) => [card.adUnitId, card]));
  }
}

/** What the contract's rules cannot say: real days, periods in order. */
function checkTerms(terms: RateCardTerms): void {
  const errors: FieldError[] = [];
  terms.seasonalMultipliers.forEach((period, i) => {
    for (const end of ['from', 'to'] as const)
      if (!isCalendarDay(period[end]))
        errors.push({ field: `seasonalMultipliers[${i}].${end}`, message: 'must be a calendar day' });
    if (period.to < period.from)
      errors.push({ field: `seasonalMultipliers[${i}].to`, message: 'must not be before from' });
  });
  if (errors.length > 0) throw new ValidationFailedError(errors);
}

function toView(card: RateCard): RateCardView {
  return {
    adUnitId: card.adUnitId,
    currency: card.currency,
    cpdPrice: card.cpdPrice,
    cpmPrice: card.cpmPrice,
    sponsorshipDayPrice: card.sponsorshipDayPrice,
    sponsoredArticlePrice: card.sponsoredArticlePrice,
    vatRateBp: card.vatRateBp,
    seasonalMultipliers: card.seasonalMultipliers,
    volumeDiscounts: card.volumeDiscounts,
    commissionTiers: card.commissionTiers,
    cancellationPenalties: card.cancellationPenalties,
    version: card.version,
    updatedAt: card.updatedAt.toISOString(),
  };
}
