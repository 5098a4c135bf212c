import type { EntityManager } from 'typeorm';
import type { EntitlingGift, EntitlingGroupLicence, EntitlingSubscription } from './entitlement-rules';

/** A reader's subscription as a grant; its plan says which product's entitlements it grants. */
export interface HeldSubscription extends Omit<EntitlingSubscription, 'entitlements'> {
  source: 'subscription';
  planId: string;
}

/** A gift the reader redeemed, granting its product's entitlements. */
export interface HeldGift extends Omit<EntitlingGift, 'entitlements'> {
  source: 'gift';
  productId: string;
}

/** A running group licence covering the reader (or an address), granting its product's entitlements. */
export interface HeldGroupLicence extends Omit<EntitlingGroupLicence, 'entitlements'> {
  source: 'group';
  productId: string;
}

/** One grant as its source reads it: the entitlement rules resolve its product and decide until when it lasts. */
export type HeldGrant = HeldSubscription | HeldGift | HeldGroupLicence;

/**
 * A feature whose rows grant readers entitlements (reader subscriptions, gifts, group licences).
 * It reads only its own rows; entitlements resolves what their products grant and applies the
 * rules. Each feature registers its source with `GrantSources` when its module starts.
 */
export interface GrantSource {
  /** Which grants it reads; there is one source per kind. */
  readonly kind: HeldGrant['source'];
  /**
   * The grants of this kind a reader holds (lapsed ones too: the rules decide), read inside the
   * caller's transaction.
   */
  heldBy(tx: EntityManager, tenantId: string, readerKey: string, now: Date): Promise<HeldGrant[]>;
}
