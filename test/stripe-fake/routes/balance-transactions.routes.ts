import { createdFilter } from '../created-filter';
import { listPage } from '../list-page';
import { route, Route } from '../router';

export const balanceTransactionRoutes: Route[] = [
  route('GET', '/v1/balance_transactions/:id', ({ account, path }) => account.get('balance_transaction', path.id)),
  route('GET', '/v1/balance_transactions', ({ account, params, url }) => {
    const type = params.string('type');
    const source = params.string('source');
    const currency = params.string('currency')?.toLowerCase();
    const created = createdFilter(params);
    const transactions = account
      .listByCreated('balance_transaction')
      .filter(
        (transaction) =>
          (!type || transaction.type === type) &&
          (!source || transaction.source === source) &&
          (!currency || transaction.currency === currency),
      )
      .filter(created);
    return listPage(transactions, params, url);
  }),
];
