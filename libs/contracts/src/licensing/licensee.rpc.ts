import { Nullable } from '../nullable';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { defineRpc } from '../define-rpc';
import { ByIdRequest, TenantScopedRequest } from '../by-id.request';
import { COUNTRY_CODES, CountryCode } from '../country-codes';

/** Other outlets republishing the agency's stories, aggregators and apps, AI companies training or answering with them. */
export const LICENSEE_KINDS = ['outlet', 'aggregator', 'ai-company'] as const;
export type LicenseeKind = (typeof LICENSEE_KINDS)[number];

/**
 * A tax identifier as the licensee's country writes it: letters, digits, spaces and `./-`. A
 * Vietnamese licensee's is a mã số thuế (10 digits, or 13 with a branch), checked by licensing.
 */
export const TAX_CODE = /^[A-Za-z0-9][A-Za-z0-9 ./-]{0,49}$/;

/** Whom the agency deals with at the licensee (statements and notices go there). */
export class LicenseeContact {
  @IsString() @Length(1, 200) name!: string;
  @IsEmail() @MaxLength(254) email!: string;
  @Nullable()
  @IsOptional()
  @Matches(/^\+?[0-9]{8,15}$/, { message: 'phone must be 8 to 15 digits, with + before an international number' })
  phone?: string | null;
}

/**
 * An organisation licensing the agency's content. Its own API keys (role `licensee`, bound to it)
 * see only the licensee itself and, later, its own agreements, usage and statements; its client id
 * and secret are what it will ask the agency's licence server for tokens with.
 */
export class LicenseeView {
  @IsUUID() id!: string;
  @IsString() name!: string;
  @IsIn(LICENSEE_KINDS) kind!: LicenseeKind;
  /** ISO 3166-1 alpha-2. */
  @IsIn(COUNTRY_CODES) country!: CountryCode;
  @Nullable() @IsOptional() @IsString() taxCode!: string | null;
  @IsObject() @ValidateNested() @Type(() => LicenseeContact) contact!: LicenseeContact;
  /** Public: names the licensee to the licence server. */
  @IsString() clientId!: string;
  /** When its current client secret was issued; null while it has none. */
  @Nullable() @IsOptional() @IsISO8601() clientSecretIssuedAt!: string | null;
  @IsISO8601() createdAt!: string;
  @IsISO8601() updatedAt!: string;
}

export class LicenseeListResponse {
  @ValidateNested({ each: true }) @Type(() => LicenseeView) items!: LicenseeView[];
}

export class CreateLicenseeRequest {
  @IsString() @Length(1, 200) name!: string;
  @IsIn(LICENSEE_KINDS) kind!: LicenseeKind;
  @IsIn(COUNTRY_CODES, { message: 'country must be an ISO 3166-1 alpha-2 code, e.g. VN' }) country!: CountryCode;
  @IsOptional() @Matches(TAX_CODE, { message: 'taxCode must be 1-50 letters, digits, spaces or ./-' }) taxCode?: string;
  @IsObject() @ValidateNested() @Type(() => LicenseeContact) contact!: LicenseeContact;
}

/** Given: validated, `null` included (refused); left out: unchanged. */
const IfGiven = (key: keyof LicenseeChanges) => ValidateIf((changes: LicenseeChanges) => changes[key] !== undefined);

/** What changes; a field left out stays as it is, a `contact` given replaces the whole contact. */
export class LicenseeChanges {
  @IfGiven('name') @IsString() @Length(1, 200) name?: string;
  @IfGiven('kind') @IsIn(LICENSEE_KINDS) kind?: LicenseeKind;
  @IfGiven('country')
  @IsIn(COUNTRY_CODES, { message: 'country must be an ISO 3166-1 alpha-2 code, e.g. VN' })
  country?: CountryCode;
  /** Null removes it. */
  @Nullable()
  @IsOptional()
  @Matches(TAX_CODE, { message: 'taxCode must be 1-50 letters, digits, spaces or ./-' })
  taxCode?: string | null;
  @IfGiven('contact') @IsObject() @ValidateNested() @Type(() => LicenseeContact) contact?: LicenseeContact;
}

export class UpdateLicenseeRequest extends LicenseeChanges {
  @IsUUID() id!: string;
}

/** The answer to issuing a client secret: the only time the secret is shown. */
export class LicenseeClientSecret {
  @IsString() clientId!: string;
  /** Shown this once; licensing keeps only its hash. */
  @IsString() clientSecret!: string;
  @IsISO8601() issuedAt!: string;
}

export const CreateLicensee = defineRpc({
  subject: 'licensing.licensee.create.v1',
  request: CreateLicenseeRequest,
  response: LicenseeView,
  description:
    'A new licensee of the agency, with its client id; the agency then gives it API keys and a client secret of its own.',
  roles: ['admin', 'editor'],
});

export const ListLicensees = defineRpc({
  subject: 'licensing.licensee.list.v1',
  request: TenantScopedRequest,
  response: LicenseeListResponse,
  description: "The agency's licensees, by name.",
  roles: ['admin', 'editor'],
});

export const GetLicensee = defineRpc({
  subject: 'licensing.licensee.get.v1',
  request: ByIdRequest,
  response: LicenseeView,
  description: 'One licensee of the agency.',
  roles: ['admin', 'editor'],
});

export const UpdateLicensee = defineRpc({
  subject: 'licensing.licensee.update.v1',
  request: UpdateLicenseeRequest,
  response: LicenseeView,
  description: "Changes a licensee's name, kind, country, tax code or contact.",
  roles: ['admin', 'editor'],
});

export const GetOwnLicensee = defineRpc({
  subject: 'licensing.licensee.get-own.v1',
  request: TenantScopedRequest,
  response: LicenseeView,
  description: "The licensee a licensee's own key acts for.",
  roles: ['licensee'],
});

export const IssueLicenseeClientSecret = defineRpc({
  subject: 'licensing.licensee.issue-client-secret.v1',
  request: ByIdRequest,
  response: LicenseeClientSecret,
  description:
    'Issues the licensee a new client secret, shown this once; the one before stops working at once (rotation).',
  roles: ['admin', 'editor'],
});
