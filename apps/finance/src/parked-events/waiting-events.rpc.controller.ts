import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import { ListWaitingEvents, ListWaitingEventsRequest, WaitingEventListResponse } from '@libs/contracts';
import { ParkedEventsRepository } from './parked-events.repository';

const DEFAULT_PAGE = 50;

/** What finance holds back for want of another fact, shown to the agency's finance team. */
@Controller()
export class WaitingEventsRpcController {
  constructor(private readonly parked: ParkedEventsRepository) {}

  @RpcHandler(ListWaitingEvents, { roles: ['admin', 'finance'] })
  async list(
    @Payload() request: ListWaitingEventsRequest,
    @CallerOf() caller: Caller,
  ): Promise<WaitingEventListResponse> {
    const limit = request.limit ?? DEFAULT_PAGE;
    const rows = await this.parked.findPageOfTenant(caller.tenantId, limit, request.after);
    return {
      items: rows.map((row) => ({
        id: row.id,
        eventId: row.event_id,
        eventType: row.event_type,
        awaits: row.awaited,
        occurredAt: row.occurred_at,
        waitingSince: row.parked_at.toISOString(),
      })),
      nextAfter: rows.length === limit ? rows[rows.length - 1].id : null,
    };
  }
}
