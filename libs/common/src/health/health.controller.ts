import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PublicRoute } from '../http/access-rule';
import type { NatsConnection } from '@nats-io/transport-node';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { NATS_CONNECTION } from '../nats/tokens';
import { HealthDetails } from './health-details';

type Check = 'up' | 'down';

/** Liveness says the process runs; readiness says it can do its work (database and NATS). */
@ApiExcludeController()
@PublicRoute()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    private readonly details: HealthDetails,
  ) {}

  @Get('live')
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  @Get()
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const [database, nats, details] = await Promise.all([
      this.checkDatabase(),
      this.checkNats(),
      withDeadline(this.details.read(), 1000).catch(() => null),
    ]);
    const ok = database === 'up' && nats === 'up';
    void reply.status(ok ? 200 : 503);
    if (!details) return { status: ok ? 'ok' : 'unavailable', checks: { database, nats } };
    const degraded = Object.values(details).some((detail) => detail.status !== 'ok');
    return { status: ok ? (degraded ? 'degraded' : 'ok') : 'unavailable', checks: { database, nats }, details };
  }

  private async checkDatabase(): Promise<Check> {
    try {
      await withDeadline(this.dataSource.query('SELECT 1'), 1000);
      return 'up';
    } catch {
      return 'down';
    }
  }

  private async checkNats(): Promise<Check> {
    try {
      if (this.nats.isClosed()) return 'down';
      await withDeadline(this.nats.flush(), 1000);
      return 'up';
    } catch {
      return 'down';
    }
  }
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('deadline')), ms).unref()),
  ]);
}
