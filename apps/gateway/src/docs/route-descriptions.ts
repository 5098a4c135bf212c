import { RequestMethod, Type } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject, OperationObject, ResponsesObject } from '@nestjs/swagger';
import * as contracts from '@libs/contracts';
import { ACCESS_META, PROBLEM_CONTENT_TYPE, PROBLEM_TITLES } from '@libs/common';
import type { AccessRule } from '../access/access.decorator';
import { ProblemDetails } from './problem-details';

const PROBLEM_REF = { $ref: `#/components/schemas/${ProblemDetails.name}` };

/**
 * Completes each operation from its route's access rule, so the document says what the guard
 * does: the credentials it accepts, the summary of the contract it forwards, and the problems it
 * can answer (every error is problem+json; `default` covers the statuses no rule predicts, such
 * as 409 from a service or 503 when one does not answer in time).
 */
export function describeRoutes(document: OpenAPIObject, app: NestFastifyApplication): void {
  const contractNames = new Map<unknown, string>(Object.entries(contracts).map(([name, value]) => [value, name]));
  const operationIds = new Set<string>();
  for (const route of routesOf(app)) {
    const operation = document.paths[route.path]?.[route.method] as OperationObject | undefined;
    if (!operation) continue; // excluded from the document (the gift page, the snippet)
    const contract = typeof route.rule === 'object' ? route.rule.contract : undefined;
    // a forwarded route is named after its contract (listAdUnits), which a class rename leaves alone
    const name = contractNames.get(contract);
    const id = name && name.charAt(0).toLowerCase() + name.slice(1);
    if (id && !operationIds.has(id)) operation.operationId = id;
    operationIds.add(operation.operationId ?? '');
    if (!operation.summary && contract) {
      const [first] = contract.description.split(/(?<=\.)\s/);
      operation.summary = first.replace(/\.$/, '');
      if (first !== contract.description) operation.description ??= contract.description;
    }
    operation.security = securityOf(route.rule);
    const own = successAsAnswered(route, operation.responses);
    const problems = Object.entries(problemResponses(route, operation)).filter(([status]) => !(status in own));
    operation.responses = { ...own, ...Object.fromEntries(problems) };
  }
}

interface Route {
  path: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  rule: AccessRule;
  /** The status Nest answers on success: `@HttpCode`, else 201 for POST and 200 for the rest. */
  status: number;
}

/** The documented success under the status the route really answers (a POST answers 201 unless it says). */
function successAsAnswered(route: Route, responses: ResponsesObject): ResponsesObject {
  const documented = Object.keys(responses).filter((status) => /^2\d\d$/.test(status));
  const answered = String(route.status);
  if (documented.length === 0 || documented.includes(answered)) return responses;
  const { [documented[0]]: success, ...rest } = responses;
  return { ...rest, [answered]: success };
}

function securityOf(rule: AccessRule): Record<string, string[]>[] {
  if (rule === 'public') return [];
  if (rule === 'site') return [{ siteKey: [] }];
  if (rule === 'operator') return [{ bearer: [] }];
  return rule.orSiteKey ? [{ bearer: [] }, { siteKey: [] }] : [{ bearer: [] }];
}

function problemResponses(route: Route, operation: OperationObject): ResponsesObject {
  const statuses: number[] = [];
  const takesInput = (operation.parameters?.length ?? 0) > 0 || operation.requestBody !== undefined;
  if (takesInput) statuses.push(400);
  if (route.rule !== 'public') statuses.push(401, 403, 429);
  if (route.path.includes('{')) statuses.push(404);
  if (route.method === 'post') statuses.push(422); // an Idempotency-Key reused with another body
  const problem = (description: string) => ({
    description,
    content: { [PROBLEM_CONTENT_TYPE]: { schema: PROBLEM_REF } },
  });
  return Object.fromEntries([
    ...statuses.map((status) => [String(status), problem(PROBLEM_TITLES[status])]),
    ['default', problem('Any other error, as problem+json')],
  ]);
}

/** Every route of the application with its access rule, keyed as the document keys operations. */
function routesOf(app: NestFastifyApplication): Route[] {
  const routes: Route[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | undefined;
      if (!controller) continue;
      const base = (Reflect.getMetadata(PATH_METADATA, controller) as string | undefined) ?? '';
      const prototype = controller.prototype as Record<string, object>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (name === 'constructor' || method === undefined) continue;
        const rule = (Reflect.getMetadata(ACCESS_META, handler) ?? Reflect.getMetadata(ACCESS_META, controller)) as
          AccessRule | undefined;
        if (rule === undefined) continue;
        const own = (Reflect.getMetadata(PATH_METADATA, handler) as string | undefined) ?? '';
        const path = `/${[base, own].filter(Boolean).join('/')}`.replace(/\/+/g, '/').replace(/:(\w+)/g, '{$1}');
        const status =
          (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ??
          (method === RequestMethod.POST ? 201 : 200);
        routes.push({
          path: path.length > 1 ? path.replace(/\/$/, '') : path,
          method: methodName(method),
          rule,
          status,
        });
      }
    }
  }
  return routes;
}

function methodName(method: RequestMethod): Route['method'] {
  switch (method) {
    case RequestMethod.GET:
      return 'get';
    case RequestMethod.POST:
      return 'post';
    case RequestMethod.PUT:
      return 'put';
    case RequestMethod.PATCH:
      return 'patch';
    case RequestMethod.DELETE:
      return 'delete';
    default:
      throw new Error(`routes of method ${RequestMethod[method]} are not documented`);
  }
}
