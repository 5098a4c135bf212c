import { planPartitions } from './ad-event-partitions';

const week = (from: string, days: number) =>
  Array.from({ length: days }, (_, i) =>
    new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
  );

describe('planPartitions', () => {
  it.each<[string, Parameters<typeof planPartitions>, ReturnType<typeof planPartitions>]>([
    [
      'makes yesterday to a week ahead on a fresh table',
      ['2026-12-08', [], [], 90],
      { create: week('2026-12-07', 9), drop: [], blocked: [], defaultKeptFrom: '2026-09-09' },
    ],
    [
      'makes only the day that came into view the next day',
      ['2026-12-09', week('2026-12-07', 9), [], 90],
      { create: ['2026-12-16'], drop: [], blocked: [], defaultKeptFrom: '2026-09-10' },
    ],
    [
      'drops the days older than retention, keeping today − retention',
      ['2026-12-08', ['2026-09-07', '2026-09-08', '2026-09-09', ...week('2026-12-07', 9)], [], 90],
      { create: [], drop: ['2026-09-07', '2026-09-08'], blocked: [], defaultKeptFrom: '2026-09-09' },
    ],
    [
      'keeps a longer retention',
      ['2026-12-08', ['2026-09-07', ...week('2026-12-07', 9)], [], 365],
      { create: [], drop: [], blocked: [], defaultKeptFrom: '2025-12-08' },
    ],
    [
      'makes no partition for a day the DEFAULT partition holds rows of, and says so',
      ['2026-12-08', [], ['2026-12-08', '2026-11-01'], 90],
      {
        create: week('2026-12-07', 9).filter((day) => day !== '2026-12-08'),
        drop: [],
        blocked: ['2026-12-08'],
        defaultKeptFrom: '2026-09-09',
      },
    ],
    [
      'crosses a month and a year',
      ['2026-12-29', week('2026-12-28', 3), [], 90],
      { create: week('2026-12-31', 6), drop: [], blocked: [], defaultKeptFrom: '2026-09-30' },
    ],
  ])('%s', (_case, args, plan) => {
    expect(planPartitions(...args)).toEqual(plan);
  });
});
