import Stripe from 'stripe';
import { StripeAccount } from './stripe-account';
import { StripeParams } from './stripe-params';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

export interface ApiRequest {
  account: StripeAccount;
  params: StripeParams;
  /** Values of the `:name` segments of the route's path. */
  path: Record<string, string>;
  /** The path without its query string, as list objects echo it in `url`. */
  url: string;
  /** What events caused by this request carry in `request`. */
  cause: Stripe.Event.Request;
}

export interface Route {
  method: HttpMethod;
  path: string;
  handle(request: ApiRequest): unknown;
}

export function route(method: HttpMethod, path: string, handle: (request: ApiRequest) => unknown): Route {
  return { method, path, handle };
}

/** The route for a method and path, with the path's `:name` values. */
export function matchRoute(
  routes: Route[],
  method: string,
  path: string,
): { route: Route; path: Record<string, string> } | undefined {
  const actual = path.split('/');
  for (const candidate of routes) {
    if (candidate.method !== method) continue;
    const expected = candidate.path.split('/');
    if (expected.length !== actual.length) continue;
    const values: Record<string, string> = {};
    const matches = expected.every((segment, index) => {
      if (segment.startsWith(':')) {
        values[segment.slice(1)] = decodeURIComponent(actual[index]);
        return actual[index] !== '';
      }
      return segment === actual[index];
    });
    if (matches) return { route: candidate, path: values };
  }
  return undefined;
}
