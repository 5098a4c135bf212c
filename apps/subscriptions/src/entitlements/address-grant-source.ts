import type { IpAddress } from '@libs/contracts';
import type { HeldGroupLicence } from './grant-source';

/**
 * Group licences grant entitlements to addresses in their IP ranges too (address grants, published
 * by the group licences feature). Entitlements answers what an address may use, and its lapse
 * sweep ends the address grants that ran out, through this port.
 */
export interface AddressGrantSource {
  /** The running licences whose ranges contain this address, read now (no transaction, no seat). */
  coveringAddress(tenantId: string, address: IpAddress, now: Date): Promise<HeldGroupLicence[]>;
  /**
   * Publishes the end of up to `limit` address grants of licences ended at or before `now`, in a
   * transaction of its own; answers how many.
   */
  publishEnded(now: Date, limit: number): Promise<number>;
}
