import { IsUUID } from 'class-validator';

/** A request naming one object; the tenant comes from the message headers, never from here. */
export class ByIdRequest {
  @IsUUID() id!: string;
}

/** A request about the calling tenant as a whole (tenant and actor travel in headers). */
export class TenantScopedRequest {}
