/** One revision of an agency's ordered list (policies, offers): never changed once written. */
export interface AgencyRevision {
  tenantId: string;
  revision: number;
  actor: string;
  restoredFrom: number | null;
  createdAt: Date;
}
