import { PaymentRail } from './payment-rail';

/** Whether the rail can save a payer's wallet and charge it later without them. */
export function savesWallets(rail: PaymentRail): boolean {
  return (
    rail.capabilities.automaticRenewal !== 'no' &&
    rail.claimSavedToken !== undefined &&
    rail.chargeSavedToken !== undefined
  );
}
