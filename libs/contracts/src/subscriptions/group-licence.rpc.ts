import { Nullable } from '../nullable';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ByIdRequest } from '../by-id.request';
import { defineRpc } from '../define-rpc';
import { LIST_PAGE_MAX } from '../list-page';
import { IsFutureInstant } from './future-instant.validator';
import { IsCidrRange } from './ip-address.validators';

export const EMAIL_DOMAIN = /^(?=.{4,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

export const EMAIL_DOMAIN_MESSAGE = 'emailDomains must hold domain names such as hust.edu.vn';

/** `ginv_` and 256 random bits, base64url. */
export const INVITATION_TOKEN = /^ginv_[A-Za-z0-9_-]{43}$/;

export const GROUP_JOIN_ROUTES = ['email-domain', 'invitation'] as const;

export type GroupJoinRoute = (typeof GROUP_JOIN_ROUTES)[number];

export class CreateGroupLicenceRequest {
  @IsString() @Length(1, 200) name!: string;
  @IsUUID() planId!: string;
  @IsInt() @Min(1) @Max(100_000) seats!: number;
  /** Readers whose email is at one of these domains (exactly) may join while seats last. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(EMAIL_DOMAIN, { each: true, message: EMAIL_DOMAIN_MESSAGE })
  emailDomains?: string[];
  /** Readers coming from these networks are entitled without taking a seat. */
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsCidrRange({ each: true }) ipRanges?: string[];
  @IsFutureInstant() validUntil!: string;
}

/** What may change on a licence; seats never below the members it has. */
export class GroupLicenceChanges {
  @IsOptional() @IsString() @Length(1, 200) name?: string;
  @IsOptional() @IsInt() @Min(1) @Max(100_000) seats?: number;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(EMAIL_DOMAIN, { each: true, message: EMAIL_DOMAIN_MESSAGE })
  emailDomains?: string[];
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsCidrRange({ each: true }) ipRanges?: string[];
  @IsOptional() @IsFutureInstant() validUntil?: string;
}

export class UpdateGroupLicenceRequest extends GroupLicenceChanges {
  @IsUUID() id!: string;
}

export class GroupLicenceView {
  @IsUUID() id!: string;
  @IsString() name!: string;
  @IsUUID() planId!: string;
  @IsUUID() productId!: string;
  @IsInt() seats!: number;
  /** Seats taken by members (IP ranges take none). */
  @IsInt() used!: number;
  @IsString({ each: true }) emailDomains!: string[];
  @IsString({ each: true }) ipRanges!: string[];
  @IsString() validUntil!: string;
  @IsString() createdAt!: string;
}

export class ListGroupLicencesRequest {
  /** Page size, 1-100 (default 50). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(LIST_PAGE_MAX) limit?: number;
  /** The `nextBefore` of the previous page: the page starts after this licence. */
  @IsOptional() @IsUUID() before?: string;
}

export class GroupLicenceListResponse {
  @ValidateNested({ each: true }) @Type(() => GroupLicenceView) items!: GroupLicenceView[];
  /** Pass as `before` for the next page; null on the last page. */
  @Nullable() @IsOptional() @IsUUID() nextBefore!: string | null;
}

export class NewGroupInvitation {
  @IsEmail() email!: string;
}
export class GroupMembershipView {
  @IsUUID() id!: string;
  @IsUUID() licenceId!: string;
  @Nullable() @IsOptional() @IsString() readerId!: string | null;
  @IsString() email!: string;
  @IsIn(GROUP_JOIN_ROUTES) joinedBy!: GroupJoinRoute;
  @IsString() joinedAt!: string;
}

export class GroupLicenceUsageView {
  @IsUUID() licenceId!: string;
  @IsInt() seats!: number;
  @IsInt() used!: number;
  @IsString() validUntil!: string;
  /** Oldest first. */
  @ValidateNested({ each: true }) @Type(() => GroupMembershipView) members!: GroupMembershipView[];
}

export const CreateGroupLicence = defineRpc({
  subject: 'subscriptions.group-licence.create.v1',
  request: CreateGroupLicenceRequest,
  response: GroupLicenceView,
  description:
    'A corporate or campus licence: seats of a plan, joined by email domain or invitation; IP ranges entitle without seats.',
  roles: ['admin'],
});

export const ListGroupLicences = defineRpc({
  subject: 'subscriptions.group-licence.list.v1',
  request: ListGroupLicencesRequest,
  response: GroupLicenceListResponse,
  description: "The agency's group licences, newest first, a page at a time.",
  roles: ['admin', 'finance'],
});

export const GetGroupLicence = defineRpc({
  subject: 'subscriptions.group-licence.get.v1',
  request: ByIdRequest,
  response: GroupLicenceView,
  description: 'One group licence.',
  roles: ['admin', 'finance'],
});

export const UpdateGroupLicence = defineRpc({
  subject: 'subscriptions.group-licence.update.v1',
  request: UpdateGroupLicenceRequest,
  response: GroupLicenceView,
  description: 'Changes seats, domains, IP ranges or the end date; seats never below the current members.',
  roles: ['admin'],
});

export const GetGroupLicenceUsage = defineRpc({
  subject: 'subscriptions.group-licence.get-usage.v1',
  request: ByIdRequest,
  response: GroupLicenceUsageView,
  description: 'Seats, seats used and the members of a group licence.',
  roles: ['admin'],
});
