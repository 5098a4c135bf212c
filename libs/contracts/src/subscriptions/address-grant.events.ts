import { IsInt, IsString, IsUUID, Min } from 'class-validator';
import { defineEvent } from '../define-event';

/**
 * What a group licence grants to anyone coming from its IP ranges, without a seat. A consumer
 * keeps, per licence, the highest version it has seen; the licence's end is published as a
 * version with no ranges.
 */
export class AddressGrantChangedEvent {
  @IsUUID() licenceId!: string;
  /** CIDR networks; empty once the licence has ended. */
  @IsString({ each: true }) ipRanges!: string[];
  @IsString({ each: true }) entitlements!: string[];
  @IsString() validUntil!: string;
  /** Per licence, strictly increasing. */
  @IsInt() @Min(1) version!: number;
}

export const AddressGrantChanged = defineEvent({
  subject: 'evt.subscriptions.address-grant.changed.v1',
  data: AddressGrantChangedEvent,
  description:
    'What a group licence grants to readers coming from its IP ranges; ordered by `version` per licence, empty once it ends.',
});
