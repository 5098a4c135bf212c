import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { defineEvent } from '../define-event';
import { Nullable } from '../nullable';
import { AD_DECISION_MAX_UNITS } from './ad-decision';

export class SiteAdSettingsChangedEvent {
  @IsUUID() siteId!: string;
  @Nullable() @IsOptional() @IsInt() @Min(0) @Max(AD_DECISION_MAX_UNITS) subscriberMaxUnits!: number | null;
  /** Per site, strictly increasing: an older one changes nothing. */
  @IsInt() @Min(1) version!: number;
}

export const SiteAdSettingsChanged = defineEvent({
  subject: 'evt.advertising.site-ad-settings.changed.v1',
  data: SiteAdSettingsChangedEvent,
  description:
    "A site's ad settings changed: advertising follows its own event to keep every instance's ad memory current.",
});
