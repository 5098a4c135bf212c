import { unixNow } from '../billing-calendar';
import { recordChange } from '../billing/record-change';
import { listPage } from '../list-page';
import { buildTaxRate } from '../objects/tax-rate';
import { route, Route } from '../router';
import { StripeApiError } from '../stripe-api-error';
import { newStripeId } from '../stripe-ids';
import { StripeParams } from '../stripe-params';

export const taxRateRoutes: Route[] = [
  route('POST', '/v1/tax_rates', ({ account, params, cause }) => {
    const displayName = params.requiredString('display_name');
    const percentage = params.number('percentage');
    if (percentage === undefined) throw StripeApiError.parameterMissing('percentage');
    if (percentage < 0 || percentage > 100)
      throw StripeApiError.parameterInvalid('percentage', 'percentage must be between 0 and 100.');
    const inclusive = params.boolean('inclusive');
    if (inclusive === undefined) throw StripeApiError.parameterMissing('inclusive');
    const taxRate = account.insert(
      buildTaxRate({
        id: newStripeId('txr_'),
        created: unixNow(),
        displayName,
        percentage,
        inclusive,
        active: params.boolean('active') ?? true,
        country: country(params),
        state: params.string('state') ?? null,
        jurisdiction: params.string('jurisdiction') ?? null,
        description: params.string('description') ?? null,
        taxType: params.string('tax_type') ?? null,
        metadata: params.mergeMetadata({}),
      }),
    );
    account.emit('tax_rate.created', taxRate, cause);
    return taxRate;
  }),
  route('GET', '/v1/tax_rates/:id', ({ account, path }) => account.get('tax_rate', path.id)),
  route('POST', '/v1/tax_rates/:id', ({ account, params, path, cause }) => {
    const taxRate = account.get('tax_rate', path.id);
    recordChange(account, taxRate, 'tax_rate.updated', cause, (changed) => {
      if (params.has('active')) changed.active = params.boolean('active')!;
      if (params.has('display_name')) changed.display_name = params.requiredString('display_name');
      if (params.raw('description') !== undefined) changed.description = params.string('description') ?? null;
      if (params.raw('jurisdiction') !== undefined) changed.jurisdiction = params.string('jurisdiction') ?? null;
      if (params.raw('country') !== undefined) changed.country = country(params);
      if (params.raw('state') !== undefined) changed.state = params.string('state') ?? null;
      if (params.raw('tax_type') !== undefined) changed.tax_type = params.string('tax_type') ?? null;
      changed.metadata = params.mergeMetadata(changed.metadata ?? {});
    });
    return taxRate;
  }),
  route('GET', '/v1/tax_rates', ({ account, params, url }) => {
    const active = params.boolean('active');
    const inclusive = params.boolean('inclusive');
    const taxRates = account
      .list('tax_rate')
      .filter(
        (rate) =>
          (active === undefined || rate.active === active) && (inclusive === undefined || rate.inclusive === inclusive),
      );
    return listPage(taxRates, params, url);
  }),
];

/** A two-letter ISO country code, kept upper case as Stripe returns it. */
function country(params: StripeParams): string | null {
  const code = params.string('country')?.toUpperCase();
  if (code !== undefined && !/^[A-Z]{2}$/.test(code)) {
    throw StripeApiError.parameterInvalid(
      'country',
      `Country '${code}' is unknown. Try using a 2-character alphanumeric country code instead, such as 'US', 'EG', or 'GB'.`,
    );
  }
  return code ?? null;
}
