import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class AuditLogQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  /** The `nextBefore` of the previous page: an entry id (at most 18 digits, within a bigint). */
  @IsOptional() @Matches(/^[0-9]{1,18}$/, { message: 'before must be an audit entry id' }) before?: string;
}
