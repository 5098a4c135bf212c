import { IsIn, IsString, IsUUID, Length, Matches } from 'class-validator';
import { defineEvent } from '../define-event';

export class TenantCreatedEvent {
  @IsUUID() tenantId!: string;
  @IsString() @Length(1, 200) name!: string;
  @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/) slug!: string;
  /** ISO 4217; VND by default. */
  @Matches(/^[A-Z]{3}$/) defaultCurrency!: string;
  /** IANA zone the agency's calendar (meters, periods) runs in. */
  @IsString() timeZone!: string;
  @IsIn(['vi', 'en']) locale!: 'vi' | 'en';
}

export const TenantCreated = defineEvent({
  subject: 'evt.gateway.tenant.created.v1',
  data: TenantCreatedEvent,
  description: 'An agency was registered; every service provisions its defaults for it.',
});
