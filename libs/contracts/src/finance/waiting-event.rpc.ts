import { Nullable } from '../nullable';
import { IsInt, IsOptional, IsString, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { defineRpc } from '../define-rpc';
import { LIST_PAGE_MAX } from '../list-page';

/**
 * A money event the books hold back until the fact it depends on arrives (a refund before its
 * charge's payment, a void before its invoice's billing, a delivery before its booking): nothing
 * of it is posted yet. One that waits long points at a fact that never reached finance.
 */
export class WaitingEventView {
  @IsUUID() id!: string;
  /** The event's own id and type, e.g. `evt.subscriptions.charge.refunded.v1`. */
  @IsUUID() eventId!: string;
  @IsString() eventType!: string;
  /** What it waits for: `charge:<provider charge id>`, `invoice:<provider invoice id>`, `booking:<booking id>`, … */
  @IsString() awaits!: string;
  /** When it happened, as its source says. */
  @IsString() occurredAt!: string;
  /** Since when it waits. */
  @IsString() waitingSince!: string;
}

export class ListWaitingEventsRequest {
  /** Page size, 1-100 (default 50). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(LIST_PAGE_MAX) limit?: number;
  /** The `nextAfter` of the previous page. */
  @IsOptional() @IsUUID() after?: string;
}

export class WaitingEventListResponse {
  @ValidateNested({ each: true }) @Type(() => WaitingEventView) items!: WaitingEventView[];
  @Nullable() @IsOptional() @IsUUID() nextAfter!: string | null;
}

export const ListWaitingEvents = defineRpc({
  subject: 'finance.waiting-event.list.v1',
  request: ListWaitingEventsRequest,
  response: WaitingEventListResponse,
  description:
    'Money events of the calling agency held back until what they depend on arrives, longest waiting first, a page at a time.',
  roles: ['admin', 'finance'],
});
