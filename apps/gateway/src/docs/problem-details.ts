import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, ValidateNested } from 'class-validator';
import type { Problem } from '@libs/common';
import type { FieldError } from '@libs/contracts';

/** One refused field of a request, as problems name it (`items[3].accessLevel`). */
export class ProblemFieldError implements FieldError {
  @IsString() field!: string;
  @IsString() message!: string;
}

/**
 * RFC 9457 problem details, as every error of the suite is answered (`application/problem+json`),
 * described for the documents: the shape is `Problem`'s, which the compiler holds this to.
 */
export class ProblemDetails implements Problem {
  /** Stable: `https://revenue-suite.dev/problems/<slug>`. */
  @IsString() type!: string;
  @IsString() title!: string;
  @IsInt() status!: number;
  @IsOptional() @IsString() detail?: string;
  /** The path of the request. */
  @IsOptional() @IsString() instance?: string;
  @IsOptional() @IsString() requestId?: string;
  /** For bad input: each refused field. */
  @IsOptional() @ValidateNested({ each: true }) @Type(() => ProblemFieldError) errors?: ProblemFieldError[];
}
