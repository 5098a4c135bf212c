import { listPage } from '../list-page';
import { route, Route } from '../router';

/** `type` takes `*` as a wildcard (`invoice.*`); `types[]` takes several exact types. */
function typeMatches(type: string, pattern: string): boolean {
  if (!pattern.includes('*')) return type === pattern;
  const regex = new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return regex.test(type);
}

export const eventRoutes: Route[] = [
  route('GET', '/v1/events/:id', ({ account, path }) => account.get('event', path.id)),
  route('GET', '/v1/events', ({ account, params, url }) => {
    const type = params.string('type');
    const types = params.strings('types');
    const created = params.object('created');
    const since =
      created?.integer('gte') ?? (created?.integer('gt') !== undefined ? created.integer('gt')! + 1 : undefined);
    const until =
      created?.integer('lte') ?? (created?.integer('lt') !== undefined ? created.integer('lt')! - 1 : undefined);
    const events = account
      .list('event')
      .filter(
        (event) =>
          (!type || typeMatches(event.type, type)) &&
          (types.length === 0 || types.includes(event.type)) &&
          (since === undefined || event.created >= since) &&
          (until === undefined || event.created <= until),
      );
    return listPage(events, params, url);
  }),
];
