import { AttachedCreative, RoadblockLine, takeoverUnitsNotReady } from './roadblock-readiness';

const TAKEOVER: RoadblockLine[] = [
  { lineId: 'l-top', unitCode: 'top', roadblockId: 'r' },
  { lineId: 'l-side', unitCode: 'side', roadblockId: 'r' },
];
const ON_ITS_OWN: RoadblockLine[] = [{ lineId: 'l-solo', unitCode: 'solo', roadblockId: null }];
const on = (status: AttachedCreative['status'], ...orderLineIds: string[]): AttachedCreative => ({
  orderLineIds,
  status,
});

describe('whether a takeover is ready to submit or approve', () => {
  it.each<[string, RoadblockLine[], AttachedCreative[], 'submit' | 'approve', string[]]>([
    [
      'every unit with a pending creative may be submitted',
      TAKEOVER,
      [on('pending-review', 'l-top', 'l-side')],
      'submit',
      [],
    ],
    [
      'every unit with an approved creative may be submitted',
      TAKEOVER,
      [on('approved', 'l-top'), on('approved', 'l-side')],
      'submit',
      [],
    ],
    ['a unit without any creative may not be submitted', TAKEOVER, [on('approved', 'l-top')], 'submit', ['side']],
    [
      'a unit whose only creative was rejected may not be submitted',
      TAKEOVER,
      [on('approved', 'l-top'), on('rejected', 'l-side')],
      'submit',
      ['side'],
    ],
    ['no creative at all names every unit', TAKEOVER, [], 'submit', ['top', 'side']],
    ['a creative attached elsewhere does not count', TAKEOVER, [on('approved', 'l-other')], 'approve', ['top', 'side']],
    [
      'every unit with an approved creative may be approved',
      TAKEOVER,
      [on('approved', 'l-top', 'l-side')],
      'approve',
      [],
    ],
    [
      'a unit with a pending creative only may not be approved',
      TAKEOVER,
      [on('approved', 'l-top'), on('pending-review', 'l-side')],
      'approve',
      ['side'],
    ],
    [
      'one approved among a unit’s creatives is enough',
      TAKEOVER,
      [on('rejected', 'l-top'), on('approved', 'l-top', 'l-side')],
      'approve',
      [],
    ],
    ['a line sold on its own needs nothing here', ON_ITS_OWN, [], 'approve', []],
  ])('%s', (_what, lines, creatives, action, expected) => {
    expect(takeoverUnitsNotReady(lines, creatives, action)).toEqual(expected);
  });
});
