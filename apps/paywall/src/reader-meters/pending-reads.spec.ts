import { RecordedRead } from '@libs/contracts';
import { PendingReads } from './pending-reads';

const read = (n: number, readerKey = `reader-${n}`): RecordedRead => ({
  readerKey,
  article: `a${n}`,
  section: null,
  day: 20_000,
});
const unlimited = { maxReads: Infinity, maxBytes: Infinity };

describe('PendingReads', () => {
  it('batches reads per agency, oldest first', () => {
    const pending = new PendingReads(100, () => undefined);
    pending.add('t1', read(1));
    pending.add('t2', read(2));
    pending.add('t1', read(3));
    expect(pending.take(unlimited)).toEqual([
      { tenantId: 't1', reads: [read(1), read(3)] },
      { tenantId: 't2', reads: [read(2)] },
    ]);
    expect(pending.size).toBe(0);
  });

  it("cuts a batch at the event's array limit", () => {
    const pending = new PendingReads(100_000, () => undefined);
    for (let n = 0; n < 25_000; n++) pending.add('t1', read(n));
    const batches = pending.take({ maxReads: 10_000, maxBytes: Infinity });
    expect(batches.map((b) => b.reads.length)).toEqual([10_000, 10_000, 5_000]);
  });

  it('cuts a batch before its JSON passes the byte limit', () => {
    const pending = new PendingReads(100_000, () => undefined);
    for (let n = 0; n < 5_000; n++) pending.add('t1', read(n, 'r'.repeat(300)));
    const maxBytes = 256 * 1024;
    const batches = pending.take({ maxReads: 10_000, maxBytes });
    expect(batches.length).toBeGreaterThan(1);
    for (const batch of batches) expect(Buffer.byteLength(JSON.stringify(batch.reads))).toBeLessThanOrEqual(maxBytes);
    expect(batches.flatMap((b) => b.reads)).toHaveLength(5_000);
  });

  it('keeps at most its cap while nothing is published, dropping the oldest and counting them', () => {
    let dropped = 0;
    const pending = new PendingReads(1_000, (count) => (dropped += count));
    for (let n = 0; n < 200_000; n++) pending.add('t1', read(n));
    expect(pending.size).toBe(1_000);
    expect(dropped).toBe(199_000);
    const [batch] = pending.take(unlimited);
    expect(batch.reads[0]).toEqual(read(199_000));
  });

  it('puts unpublished batches back before newer reads, within the cap', () => {
    let dropped = 0;
    const pending = new PendingReads(3, (count) => (dropped += count));
    pending.add('t1', read(1));
    pending.add('t1', read(2));
    const failed = pending.take(unlimited);
    pending.add('t1', read(3));
    pending.add('t1', read(4));
    pending.putBack(failed);
    expect(dropped).toBe(1);
    expect(pending.take(unlimited)).toEqual([{ tenantId: 't1', reads: [read(2), read(3), read(4)] }]);
  });
});
