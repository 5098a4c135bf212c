import { unixNow } from '../billing-calendar';
import { recordChange } from '../billing/record-change';
import { listPage } from '../list-page';
import { buildCustomer } from '../objects/customer';
import { route, Route } from '../router';
import { newStripeId } from '../stripe-ids';

export const customerRoutes: Route[] = [
  route('POST', '/v1/customers', ({ account, params, cause }) => {
    const customer = account.insert(
      buildCustomer({
        id: newStripeId('cus_', 14),
        created: unixNow(),
        email: params.string('email') ?? null,
        name: params.string('name') ?? null,
        phone: params.string('phone') ?? null,
        description: params.string('description') ?? null,
        metadata: params.mergeMetadata({}),
        preferredLocales: params.strings('preferred_locales'),
      }),
    );
    account.emit('customer.created', customer, cause);
    return customer;
  }),
  route('GET', '/v1/customers/:id', ({ account, path }) => account.get('customer', path.id)),
  route('POST', '/v1/customers/:id', ({ account, params, path, cause }) => {
    const customer = account.get('customer', path.id);
    recordChange(account, customer, 'customer.updated', cause, (changed) => {
      if (params.raw('email') !== undefined) changed.email = params.string('email') ?? null;
      if (params.raw('name') !== undefined) changed.name = params.string('name') ?? null;
      if (params.raw('phone') !== undefined) changed.phone = params.string('phone') ?? null;
      if (params.raw('description') !== undefined) changed.description = params.string('description') ?? null;
      if (params.raw('preferred_locales') !== undefined)
        changed.preferred_locales = params.strings('preferred_locales');
      changed.metadata = params.mergeMetadata(changed.metadata);
    });
    return customer;
  }),
  route('GET', '/v1/customers', ({ account, params, url }) => {
    const email = params.string('email');
    return listPage(
      account.list('customer').filter((customer) => email === undefined || customer.email === email),
      params,
      url,
    );
  }),
];
