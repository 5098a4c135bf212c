import { Injectable } from '@nestjs/common';
import { RetentionRule, RetentionSchedule } from '@libs/common';
import { GatewayEnv } from '../config/gateway.config';
import { SessionRepository } from './session.repository';

/** Console sessions deleted `SESSION_RETENTION_DAYS` after they ended or were last seen. */
@Injectable()
export class SessionRetentionSchedule extends RetentionSchedule {
  protected readonly rules: RetentionRule[];

  constructor(sessions: SessionRepository, env: GatewayEnv) {
    super(env.RETENTION_SWEEP_INTERVAL_S * 1000);
    this.rules = [
      { what: 'sessions', deleteBatch: (limit) => sessions.deleteEndedOrIdleFor(env.SESSION_RETENTION_DAYS, limit) },
    ];
  }
}
