import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Observable, throwError } from 'rxjs';
import { isRpcErrorBody, RpcErrorBody, RpcErrorCode } from '@libs/contracts';
import { currentContext } from '../context/request-context';
import {
  Problem,
  PROBLEM_CONTENT_TYPE,
  PROBLEM_SLUGS as SLUGS,
  PROBLEM_TITLES as TITLES,
  problemType,
} from '../http/problem';
import { problemInstance } from '../http/framework-problem';
import { DomainError } from './domain.error';
import { httpStatusOf } from './http-status-of';
import { ServiceUnavailableError } from './remote-rpc.error';

/**
 * One filter for both sides of a hybrid app: over NATS a refusal becomes an {@link RpcErrorBody}
 * (anything else arrives as "internal"), over HTTP it becomes problem+json with the request id.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() === 'rpc') return throwError(() => this.toRpcBody(exception));
    if (host.getType() !== 'http') return;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const problem = this.toProblem(exception);
    problem.instance = problemInstance(request.url);
    problem.requestId = currentContext()?.requestId ?? String(request.id);
    if (exception instanceof HttpException && exception.getStatus() === 429) {
      const retryAfter = (exception.getResponse() as { retryAfter?: number }).retryAfter;
      if (retryAfter) void reply.header('retry-after', String(retryAfter));
    }
    if (exception instanceof DomainError && exception.retryAfterS)
      void reply.header('retry-after', String(exception.retryAfterS));
    void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  }

  private toRpcBody(exception: unknown): RpcErrorBody {
    if (exception instanceof DomainError)
      return {
        code: exception.code,
        message: exception.message,
        errors: exception.errors,
        ...(exception.retryAfterS ? { retryAfterS: exception.retryAfterS } : {}),
      };
    if (exception instanceof RpcException && isRpcErrorBody(exception.getError()))
      return exception.getError() as RpcErrorBody;
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return { code: RpcErrorCode.Internal, message: 'internal error' };
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof DomainError) {
      const status = httpStatusOf(exception.code);
      return {
        type: problemType(exception.code.replace(/_/g, '-')),
        title: TITLES[status],
        status,
        detail: exception.message,
        errors: exception.errors,
      };
    }
    if (exception instanceof ServiceUnavailableError) {
      this.logger.error(exception.message);
      return {
        type: problemType('unavailable'),
        title: TITLES[503],
        status: 503,
        detail: 'a service did not answer in time',
      };
    }
    const status = httpStatusOfUnknown(exception);
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    // The framework's messages may carry the path ("Cannot GET /…"): a hostile one is not echoed whole.
    const detail = status < 500 && exception instanceof Error ? clip(exception.message) : undefined;
    return { type: problemType(SLUGS[status] ?? 'error'), title: TITLES[status] ?? 'Error', status, detail };
  }
}

function httpStatusOfUnknown(exception: unknown): number {
  if (exception instanceof HttpException) return exception.getStatus();
  // Fastify's own errors (body too large, bad JSON, wrong content type) carry a statusCode.
  const statusCode = (exception as { statusCode?: unknown })?.statusCode;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 600 ? statusCode : 500;
}

function clip(text: string): string {
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
