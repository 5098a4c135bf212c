/** "10" -> 1000, "5.5" -> 550, "8.25" -> 825: exact, no float on the way in. */
export function basisPointsOf(percentage: string): number {
  const [whole, fraction = ''] = percentage.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** 1000 -> "10", 550 -> "5.5", 825 -> "8.25". */
export function percentageOf(basisPoints: number): string {
  const whole = Math.floor(basisPoints / 100);
  const fraction = (basisPoints % 100).toString().padStart(2, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}
