import { createdFilter } from '../created-filter';
import { listPage } from '../list-page';
import { route, Route } from '../router';

export const payoutRoutes: Route[] = [
  route('GET', '/v1/payouts/:id', ({ account, path }) => account.get('payout', path.id)),
  route('GET', '/v1/payouts', ({ account, params, url }) => {
    const status = params.string('status');
    const created = createdFilter(params);
    const payouts = account
      .listByCreated('payout')
      .filter((payout) => !status || payout.status === status)
      .filter(created);
    return listPage(payouts, params, url);
  }),
];
