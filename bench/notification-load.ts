import { NotificationSent, RailNotification, sendNotification } from '../test/support/rail-fake';

export interface NotificationLoadResult {
  seconds: number;
  /** Each request's milliseconds, in the order they finished. */
  latencies: number[];
  /** Each notification's answer, at its index; null where none came (connection refused or reset). */
  answers: (NotificationSent | null)[];
}

/**
 * Sends every notification once, in the order given, `inFlight` at a time (each worker sends its
 * next as soon as its last is answered), timing each request and the whole.
 */
export async function sendNotifications(
  notifications: RailNotification[],
  inFlight: number,
  target: (notification: RailNotification) => RailNotification = (n) => n,
): Promise<NotificationLoadResult> {
  const latencies: number[] = [];
  const answers: (NotificationSent | null)[] = notifications.map(() => null);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < notifications.length) {
      const at = next++;
      const started = performance.now();
      answers[at] = await sendNotification(target(notifications[at])).catch(() => null);
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  return { seconds: (performance.now() - started) / 1000, latencies, answers };
}

/** The latency below which `fraction` of the requests finished, in milliseconds. */
export function percentile(latencies: number[], fraction: number): number {
  const sorted = [...latencies].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] ?? 0;
}
