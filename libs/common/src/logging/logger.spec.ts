import { Writable } from 'node:stream';
import { runWithContext } from '../context/request-context';
import { createLogger } from './logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it('writes JSON lines carrying the request id, tenant and actor of the work in hand', () => {
    const { lines, stream } = capture();
    const logger = createLogger('finance', 'info', stream);
    runWithContext({ requestId: 'req-1', tenantId: 'tenant-a', actor: 'api-key:k1' }, () => logger.info('posted'));
    logger.info('outside');
    expect(lines[0]).toMatchObject({
      service: 'finance',
      level: 'info',
      msg: 'posted',
      requestId: 'req-1',
      tenantId: 'tenant-a',
      actor: 'api-key:k1',
    });
    expect(lines[1]).not.toHaveProperty('requestId');
  });

  it('keeps the context across awaits', async () => {
    const { lines, stream } = capture();
    const logger = createLogger('paywall', 'info', stream);
    await runWithContext({ requestId: 'req-2' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      logger.info('later');
    });
    expect(lines[0]).toMatchObject({ requestId: 'req-2', msg: 'later' });
  });
});
