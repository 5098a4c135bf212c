import { Type } from 'class-transformer';
import { IsInt, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../define-event';
import { OfferView } from './offer.rpc';

export class OfferRevisionPublishedEvent {
  @IsInt() @Min(1) revision!: number;
  @ValidateNested({ each: true }) @Type(() => OfferView) offers!: OfferView[];
}

export const OfferRevisionPublished = defineEvent({
  subject: 'evt.paywall.offer-revision.published.v1',
  data: OfferRevisionPublishedEvent,
  description: "An agency's paywall offers have a new revision (the whole ordered set); keep the highest revision.",
});
