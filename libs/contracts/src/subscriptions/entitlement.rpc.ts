import { Nullable } from '../nullable';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { defineRpc } from '../define-rpc';
import { READER_ID } from './checkout.rpc';
import { IsIpAddress } from './ip-address.validators';

export const ENTITLEMENT_SOURCES = ['subscription', 'gift', 'group', 'comp'] as const;

export class EntitlementGrant {
  @IsString() key!: string;
  /** ISO instant the grant lasts until: period end (plus grace while a payment is retried), gift end, licence end. */
  @IsString() until!: string;
  @IsIn(ENTITLEMENT_SOURCES) source!: (typeof ENTITLEMENT_SOURCES)[number];
  @IsString() sourceId!: string;
  /** Why: e.g. `active`, `trialing`, `past_due (grace)`, `gift of 3 months`, `member of <licence>`. */
  @IsString() reason!: string;
}

/**
 * Whose entitlements: a reader (their id and/or email, as for subscriptions), or else an IP
 * address, which answers what group licences grant to anyone coming from it.
 */
export class EntitlementsQuery {
  @ValidateIf((o: EntitlementsQuery) => o.readerId !== undefined || (o.email === undefined && o.ip === undefined))
  @Matches(READER_ID, { message: 'readerId must be 1-128 letters, digits or ._:@- (or ask by ip)' })
  readerId?: string;
  @ValidateIf((o: EntitlementsQuery) => o.email !== undefined || (o.readerId === undefined && o.ip === undefined))
  @IsEmail()
  email?: string;
  @ValidateIf((o: EntitlementsQuery) => o.ip !== undefined)
  @IsIpAddress()
  @ValidateBy({
    name: 'ipAlone',
    validator: {
      validate: (_value: unknown, args) =>
        (args?.object as EntitlementsQuery).readerId === undefined &&
        (args?.object as EntitlementsQuery).email === undefined,
      defaultMessage: () => 'ip asks for what an address is entitled to; it cannot be combined with readerId or email',
    },
  })
  ip?: string;
}

export class EntitlementsView {
  @Nullable() @IsOptional() @IsString() readerId!: string | null;
  @Nullable() @IsOptional() @IsString() email!: string | null;
  /** The address asked about, when the query was by IP (group licences' ranges only). */
  @Nullable() @IsOptional() @IsString() ip!: string | null;
  @ValidateNested({ each: true }) @Type(() => EntitlementGrant) entitlements!: EntitlementGrant[];
  /** Grows with every change to this reader's entitlements (0 for an IP address). */
  @IsInt() version!: number;
}

export const GetEntitlements = defineRpc({
  subject: 'subscriptions.entitlement.get.v1',
  request: EntitlementsQuery,
  response: EntitlementsView,
  description:
    "A reader's (or an IP address's) active entitlements now, until when, and why: subscription, gift, group or comp.",
  roles: ['admin', 'editor', 'finance'],
});
