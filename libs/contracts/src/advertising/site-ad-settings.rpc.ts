import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { defineRpc } from '../define-rpc';
import { ByIdRequest } from '../by-id.request';
import { Nullable } from '../nullable';
import { AD_DECISION_MAX_UNITS } from './ad-decision';

/** How a site's pages are served ads, beyond what each unit and line says. */
export class SiteAdSettingsTerms {
  /**
   * Subscribers (readers logged in with an active subscription, gift or comp) see ads in at most
   * this many units of a page, the first the page lists; null: in every unit. Readers entitled to
   * `ad-free` see none at all.
   */
  @Nullable() @IsOptional() @IsInt() @Min(0) @Max(AD_DECISION_MAX_UNITS) subscriberMaxUnits!: number | null;
}

export class SiteAdSettingsView extends SiteAdSettingsTerms {
  @IsUUID() siteId!: string;
}

export class PutSiteAdSettingsRequest extends SiteAdSettingsTerms {
  /** The site. */
  @IsUUID() id!: string;
}

export const GetSiteAdSettings = defineRpc({
  subject: 'advertising.site-ad-settings.get.v1',
  request: ByIdRequest,
  response: SiteAdSettingsView,
  description: "A site's ad settings (the defaults until ad ops set them).",
  roles: ['admin', 'adops'],
});

export const PutSiteAdSettings = defineRpc({
  subject: 'advertising.site-ad-settings.put.v1',
  request: PutSiteAdSettingsRequest,
  response: SiteAdSettingsView,
  description: "Sets a site's ad settings (how many units subscribers see ads in); pages follow within moments.",
  roles: ['admin', 'adops'],
});
