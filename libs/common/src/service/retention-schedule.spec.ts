import { applyRetention } from './retention-schedule';

describe('applyRetention', () => {
  it('deletes in batches until a batch comes back short, and counts per rule', async () => {
    let outboxLeft = 12;
    const limits: number[] = [];
    const deleted = await applyRetention(
      [
        {
          what: 'outbox rows',
          deleteBatch: (limit) => {
            limits.push(limit);
            const batch = Math.min(limit, outboxLeft);
            outboxLeft -= batch;
            return Promise.resolve(batch);
          },
        },
        { what: 'inbox rows', deleteBatch: () => Promise.resolve(0) },
      ],
      5,
    );
    expect(deleted).toEqual({ 'outbox rows': 12, 'inbox rows': 0 });
    expect(limits).toEqual([5, 5, 5]);
  });
});
