import { Nullable } from '../nullable';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsInt, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { defineEvent } from '../define-event';

/** One metered read of a logged-in reader: the article's and section's meter keys and the local day. */
export class RecordedRead {
  @IsString() @Length(1, 300) readerKey!: string;
  @IsString() @Length(1, 32) article!: string;
  @Nullable() @IsOptional() @IsString() @Length(1, 32) section!: string | null;
  @IsInt() day!: number;
}

/** Reads one ReadsRecorded event may carry. */
export const READS_PER_EVENT_MAX = 10_000;

export class ReadsRecordedEvent {
  @ArrayMaxSize(READS_PER_EVENT_MAX) @ValidateNested({ each: true }) @Type(() => RecordedRead) reads!: RecordedRead[];
}

export const ReadsRecorded = defineEvent({
  subject: 'evt.paywall.read.recorded.v1',
  data: ReadsRecordedEvent,
  description:
    "Logged-in readers' metered reads, batched by the instance that counted them; every instance keeps every reader's meter from them.",
});
