import { IsInt, IsISO8601, IsString, IsUUID, Min } from 'class-validator';
import { defineEvent } from '../define-event';
import { IsOdrlPolicy, OdrlPolicyDocument } from './odrl-policy.validator';

/** A licence offer's draft became its next revision: the ODRL Offer licensees are now offered. */
export class LicenceOfferPublishedEvent {
  @IsUUID() offerId!: string;
  @IsInt() @Min(1) revision!: number;
  @IsString() name!: string;
  @IsOdrlPolicy() policy!: OdrlPolicyDocument;
  @IsISO8601() publishedAt!: string;
}

export const LicenceOfferPublished = defineEvent({
  subject: 'evt.licensing.licence-offer.published.v1',
  data: LicenceOfferPublishedEvent,
  description:
    'A licence offer has a new published revision (an ODRL 2.2 Offer, immutable); keep the highest revision per offer.',
});
