import { unixNow } from '../billing-calendar';
import { listPage } from '../list-page';
import { buildCoupon } from '../objects/coupon';
import { route, Route } from '../router';
import { StripeApiError } from '../stripe-api-error';
import { randomToken } from '../stripe-ids';

const DURATIONS = ['once', 'repeating', 'forever'] as const;

export const couponRoutes: Route[] = [
  route('POST', '/v1/coupons', ({ account, params, cause }) => {
    params.refuse(['applies_to', 'currency_options']);
    const percentOff = params.number('percent_off') ?? null;
    const amountOff = params.integer('amount_off') ?? null;
    if (percentOff !== null && amountOff !== null)
      throw StripeApiError.parametersExclusive(['percent_off', 'amount_off']);
    if (percentOff === null && amountOff === null) throw StripeApiError.parameterMissing('percent_off');
    if (percentOff !== null && (percentOff <= 0 || percentOff > 100))
      throw StripeApiError.parameterInvalid('percent_off', 'percent_off must be greater than 0 and at most 100.');
    if (amountOff !== null && amountOff <= 0)
      throw StripeApiError.parameterInvalid('amount_off', 'amount_off must be greater than 0.');
    const currency = params.string('currency')?.toLowerCase() ?? null;
    if (amountOff !== null && !currency) throw StripeApiError.parameterMissing('currency');
    const duration = params.oneOf('duration', DURATIONS) ?? 'once';
    const durationInMonths = params.integer('duration_in_months') ?? null;
    if (duration === 'repeating' && !durationInMonths) throw StripeApiError.parameterMissing('duration_in_months');
    if (duration !== 'repeating' && durationInMonths !== null)
      throw StripeApiError.parameterInvalid(
        'duration_in_months',
        'duration_in_months is only allowed with duration=repeating.',
      );
    const redeemBy = params.integer('redeem_by') ?? null;
    if (redeemBy !== null && redeemBy <= unixNow())
      throw StripeApiError.parameterInvalid('redeem_by', 'redeem_by must be in the future.');
    const id = params.string('id') ?? randomToken(8);
    if (account.find('coupon', id))
      throw new StripeApiError(400, 'invalid_request_error', 'Coupon already exists.', 'resource_already_exists', 'id');
    const coupon = account.insert(
      buildCoupon({
        id,
        created: unixNow(),
        name: params.string('name') ?? null,
        percentOff,
        amountOff,
        currency: amountOff !== null ? currency : null,
        duration,
        durationInMonths,
        maxRedemptions: params.integer('max_redemptions') ?? null,
        redeemBy,
        metadata: params.mergeMetadata({}),
      }),
    );
    account.emit('coupon.created', coupon, cause);
    return coupon;
  }),
  route('GET', '/v1/coupons/:id', ({ account, path }) => {
    const coupon = account.get('coupon', path.id);
    if (coupon.valid && coupon.redeem_by !== null && coupon.redeem_by <= unixNow()) coupon.valid = false;
    return coupon;
  }),
  route('GET', '/v1/coupons', ({ account, params, url }) => listPage(account.list('coupon'), params, url)),
];
