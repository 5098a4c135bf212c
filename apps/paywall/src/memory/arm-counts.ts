/** What an instance knows of an arm's traffic: decisions shown, conversions, revenue (minor units). */
export interface ArmCounts {
  impressions: number;
  conversions: number;
  revenue: number;
}
