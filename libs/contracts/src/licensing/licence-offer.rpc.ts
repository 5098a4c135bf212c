import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Min, ValidateNested } from 'class-validator';
import { ByIdRequest, TenantScopedRequest } from '../by-id.request';
import { defineRpc } from '../define-rpc';
import { Nullable } from '../nullable';
import { IsOdrlPolicy, OdrlPolicyDocument } from './odrl-policy.validator';

/** Who manages licence offers: the agency's admins, editors and its licensing desk. */
const OFFER_STAFF = ['admin', 'editor', 'licensing'] as const;

/** `draft` until first published; `published` once a revision exists (the draft may have moved on since). */
export const LICENCE_OFFER_STATUSES = ['draft', 'published'] as const;
export type LicenceOfferStatus = (typeof LICENCE_OFFER_STATUSES)[number];

export class LicenceOfferSummary {
  @IsUUID() id!: string;
  @IsString() name!: string;
  @IsIn(LICENCE_OFFER_STATUSES) status!: LicenceOfferStatus;
  /** The latest published revision, which licensees are offered; null while never published. */
  @Nullable() @IsOptional() @IsInt() publishedRevision!: number | null;
  /** Counts the draft's changes; give it back as `basedOnDraftVersion` to refuse overwriting someone else's. */
  @IsInt() draftVersion!: number;
  /** The draft differs from the latest published revision (or nothing is published yet). */
  @IsBoolean() hasUnpublishedChanges!: boolean;
  @IsString() updatedAt!: string;
}

/** A licence offer with its draft: an ODRL Offer the agency edits, published as immutable revisions. */
export class LicenceOfferView extends LicenceOfferSummary {
  /** The draft ODRL Offer (JSON-LD). */
  @IsOdrlPolicy() policy!: OdrlPolicyDocument;
  @IsString() createdAt!: string;
}

export class LicenceOfferListResponse {
  @ValidateNested({ each: true }) @Type(() => LicenceOfferSummary) items!: LicenceOfferSummary[];
}

export class CreateLicenceOfferRequest {
  @IsString() @Length(1, 200) name!: string;
  /**
   * An ODRL 2.2 Offer in JSON-LD. The suite names it (`uid`) and its assigner (the agency): leave
   * them out, or give the values the suite would.
   */
  @IsOdrlPolicy() policy!: OdrlPolicyDocument;
}

/** A change of a licence offer's draft: a new policy, a new name, or both. */
export class LicenceOfferChanges {
  @IsOptional() @IsString() @Length(1, 200) name?: string;
  /** The whole new draft; absent keeps the draft's policy (a rename). */
  @IsOptional() @IsOdrlPolicy() policy?: OdrlPolicyDocument;
  /** The draft version this change was made from; another change in between answers 409. */
  @IsOptional() @IsInt() @Min(1) basedOnDraftVersion?: number;
}

export class UpdateLicenceOfferRequest extends LicenceOfferChanges {
  @IsUUID() id!: string;
}

export class LicenceOfferPublication {
  /** The draft version being published; another change in between answers 409. */
  @IsOptional() @IsInt() @Min(1) basedOnDraftVersion?: number;
}

export class PublishLicenceOfferRequest extends LicenceOfferPublication {
  @IsUUID() id!: string;
}

export class LicenceOfferRevisionRequest {
  @IsUUID() id!: string;
  @IsInt() @Min(1) revision!: number;
}

export class LicenceOfferRevisionSummary {
  @IsInt() revision!: number;
  @IsString() name!: string;
  /** The revision's ODRL uid, which an agreement names as its source. */
  @IsString() policyUid!: string;
  @IsString() actor!: string;
  @IsString() publishedAt!: string;
}

/** One published revision: never changed once written. */
export class LicenceOfferRevisionView extends LicenceOfferRevisionSummary {
  @IsUUID() offerId!: string;
  @IsOdrlPolicy() policy!: OdrlPolicyDocument;
}

export class LicenceOfferRevisionListResponse {
  @ValidateNested({ each: true }) @Type(() => LicenceOfferRevisionSummary) items!: LicenceOfferRevisionSummary[];
}

export const ListLicenceOffers = defineRpc({
  subject: 'licensing.licence-offer.list.v1',
  request: TenantScopedRequest,
  response: LicenceOfferListResponse,
  description: "The calling agency's licence offers.",
  roles: OFFER_STAFF,
});

export const GetLicenceOffer = defineRpc({
  subject: 'licensing.licence-offer.get.v1',
  request: ByIdRequest,
  response: LicenceOfferView,
  description: 'One licence offer of the calling agency, with its draft ODRL policy.',
  roles: OFFER_STAFF,
});

export const CreateLicenceOffer = defineRpc({
  subject: 'licensing.licence-offer.create.v1',
  request: CreateLicenceOfferRequest,
  response: LicenceOfferView,
  description:
    'Creates a licence offer as a draft ODRL Offer, validated against ODRL 2.2 (an unknown action, operator or left operand is refused naming its path); audited.',
  roles: OFFER_STAFF,
});

export const UpdateLicenceOffer = defineRpc({
  subject: 'licensing.licence-offer.update.v1',
  request: UpdateLicenceOfferRequest,
  response: LicenceOfferView,
  description:
    "Replaces a licence offer's draft (validated as on creation); published revisions stay as they are; audited.",
  roles: OFFER_STAFF,
});

export const PublishLicenceOffer = defineRpc({
  subject: 'licensing.licence-offer.publish.v1',
  request: PublishLicenceOfferRequest,
  response: LicenceOfferRevisionView,
  description:
    "Publishes a licence offer's draft as its next immutable revision (announced as LicenceOfferPublished, audited); 409 when nothing changed since the last one.",
  roles: OFFER_STAFF,
});

export const ListLicenceOfferRevisions = defineRpc({
  subject: 'licensing.licence-offer-revision.list.v1',
  request: ByIdRequest,
  response: LicenceOfferRevisionListResponse,
  description: 'Every published revision of a licence offer, newest first.',
  roles: OFFER_STAFF,
});

export const GetLicenceOfferRevision = defineRpc({
  subject: 'licensing.licence-offer-revision.get.v1',
  request: LicenceOfferRevisionRequest,
  response: LicenceOfferRevisionView,
  description: 'One published revision of a licence offer: its ODRL policy as it was published.',
  roles: OFFER_STAFF,
});
