import { unixNow } from '../billing-calendar';
import { recordChange } from '../billing/record-change';
import { listPage } from '../list-page';
import { buildPromotionCode } from '../objects/promotion-code';
import { route, Route } from '../router';
import { StripeApiError } from '../stripe-api-error';
import { newStripeId, randomToken } from '../stripe-ids';

export const promotionCodeRoutes: Route[] = [
  route('POST', '/v1/promotion_codes', ({ account, params, cause }) => {
    params.refuse(['restrictions', 'customer_account']);
    const promotion = params.object('promotion');
    if (!promotion) throw StripeApiError.parameterMissing('promotion');
    if (!promotion.oneOf('type', ['coupon'])) throw StripeApiError.parameterMissing(promotion.pathOf('type'));
    const coupon = account.get('coupon', promotion.requiredString('coupon'), promotion.pathOf('coupon'));
    const code = params.string('code') ?? randomToken(8, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789');
    if (
      account
        .list('promotion_code')
        .some((existing) => existing.active && existing.code.toLowerCase() === code.toLowerCase())
    ) {
      throw new StripeApiError(
        400,
        'invalid_request_error',
        `An active promotion code with \`code: ${code}\` already exists.`,
        'resource_already_exists',
        'code',
      );
    }
    const customer = params.string('customer') ?? null;
    if (customer) account.get('customer', customer, 'customer');
    const promotionCode = account.insert(
      buildPromotionCode({
        id: newStripeId('promo_'),
        created: unixNow(),
        code,
        coupon: coupon.id,
        active: params.boolean('active') ?? true,
        customer,
        expiresAt: params.integer('expires_at') ?? null,
        maxRedemptions: params.integer('max_redemptions') ?? null,
        metadata: params.mergeMetadata({}),
      }),
    );
    account.emit('promotion_code.created', promotionCode, cause);
    return promotionCode;
  }),
  route('GET', '/v1/promotion_codes/:id', ({ account, path }) => account.get('promotion_code', path.id)),
  route('POST', '/v1/promotion_codes/:id', ({ account, params, path, cause }) => {
    const promotionCode = account.get('promotion_code', path.id);
    recordChange(account, promotionCode, 'promotion_code.updated', cause, (changed) => {
      if (params.has('active')) changed.active = params.boolean('active')!;
      changed.metadata = params.mergeMetadata(changed.metadata ?? {});
    });
    return promotionCode;
  }),
  route('GET', '/v1/promotion_codes', ({ account, params, url }) => {
    const code = params.string('code')?.toLowerCase();
    const coupon = params.string('coupon');
    const customer = params.string('customer');
    const active = params.boolean('active');
    const codes = account
      .list('promotion_code')
      .filter(
        (entry) =>
          (!code || entry.code.toLowerCase() === code) &&
          (!coupon || entry.promotion.coupon === coupon) &&
          (!customer || entry.customer === customer) &&
          (active === undefined || entry.active === active),
      );
    return listPage(codes, params, url);
  }),
];
