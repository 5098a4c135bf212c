import { unixNow } from '../billing-calendar';
import { recordChange } from '../billing/record-change';
import { listPage } from '../list-page';
import { buildProduct } from '../objects/product';
import { route, Route } from '../router';
import { StripeApiError } from '../stripe-api-error';
import { newStripeId } from '../stripe-ids';

export const productRoutes: Route[] = [
  route('POST', '/v1/products', ({ account, params, cause }) => {
    params.refuse(['default_price_data']);
    const id = params.string('id') ?? newStripeId('prod_', 14);
    if (account.find('product', id))
      throw new StripeApiError(
        400,
        'invalid_request_error',
        `Product already exists.`,
        'resource_already_exists',
        'id',
      );
    const product = account.insert(
      buildProduct({
        id,
        name: params.requiredString('name'),
        created: unixNow(),
        active: params.boolean('active') ?? true,
        description: params.string('description') ?? null,
        metadata: params.mergeMetadata({}),
        images: params.strings('images'),
        url: params.string('url') ?? null,
        statementDescriptor: params.string('statement_descriptor') ?? null,
        unitLabel: params.string('unit_label') ?? null,
      }),
    );
    account.emit('product.created', product, cause);
    return product;
  }),
  route('GET', '/v1/products/:id', ({ account, path }) => account.get('product', path.id)),
  route('POST', '/v1/products/:id', ({ account, params, path, cause }) => {
    const product = account.get('product', path.id);
    const defaultPrice = params.string('default_price');
    if (defaultPrice && account.get('price', defaultPrice, 'default_price').product !== product.id) {
      throw StripeApiError.parameterInvalid(
        'default_price',
        `The price ${defaultPrice} does not belong to product ${product.id}.`,
      );
    }
    recordChange(account, product, 'product.updated', cause, (changed) => {
      if (params.has('name')) changed.name = params.requiredString('name');
      if (params.raw('description') !== undefined) changed.description = params.string('description') ?? null;
      if (params.has('active')) changed.active = params.boolean('active')!;
      if (params.raw('images') !== undefined) changed.images = params.strings('images');
      if (params.raw('url') !== undefined) changed.url = params.string('url') ?? null;
      if (defaultPrice) changed.default_price = defaultPrice;
      changed.metadata = params.mergeMetadata(changed.metadata);
      changed.updated = unixNow();
    });
    return product;
  }),
  route('GET', '/v1/products', ({ account, params, url }) => {
    const active = params.boolean('active');
    const ids = params.strings('ids');
    const products = account
      .list('product')
      .filter(
        (product) =>
          (active === undefined || product.active === active) && (ids.length === 0 || ids.includes(product.id)),
      );
    return listPage(products, params, url);
  }),
];
