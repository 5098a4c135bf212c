import { Nullable } from '../nullable';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../define-event';
import { EntitlementGrant } from './entitlement.rpc';

export class EntitlementChangedEvent {
  /** `reader:<readerId>` or `email:<email>`: the key consumers index entitlements by. */
  @IsString() readerKey!: string;
  @Nullable() @IsOptional() @IsString() readerId!: string | null;
  @Nullable() @IsOptional() @IsString() email!: string | null;
  @ValidateNested({ each: true }) @Type(() => EntitlementGrant) entitlements!: EntitlementGrant[];
  /** Per reader, strictly increasing: a consumer keeps the highest it has seen. */
  @IsInt() @Min(1) version!: number;
}

export const EntitlementChanged = defineEvent({
  subject: 'evt.subscriptions.entitlement.changed.v1',
  data: EntitlementChangedEvent,
  description: "A reader's entitlements changed; ordered by `version` per reader.",
});
