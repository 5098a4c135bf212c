/** A site as decisions know it: which agency its publishable key speaks for. */
export interface SiteEntry {
  tenantId: string;
  siteId: string;
  version: number;
}
