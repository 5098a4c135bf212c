import { Route } from './router';
import { balanceTransactionRoutes } from './routes/balance-transactions.routes';
import { billingPortalRoutes } from './routes/billing-portal.routes';
import { checkoutSessionRoutes } from './routes/checkout-sessions.routes';
import { couponRoutes } from './routes/coupons.routes';
import { customerRoutes } from './routes/customers.routes';
import { eventRoutes } from './routes/events.routes';
import { invoiceRoutes } from './routes/invoices.routes';
import { paymentRoutes } from './routes/payments.routes';
import { payoutRoutes } from './routes/payouts.routes';
import { priceRoutes } from './routes/prices.routes';
import { productRoutes } from './routes/products.routes';
import { promotionCodeRoutes } from './routes/promotion-codes.routes';
import { subscriptionScheduleRoutes } from './routes/subscription-schedules.routes';
import { subscriptionRoutes } from './routes/subscriptions.routes';
import { taxRateRoutes } from './routes/tax-rates.routes';

/** Every `/v1` endpoint the fake answers. */
export const apiRoutes: Route[] = [
  ...productRoutes,
  ...priceRoutes,
  ...customerRoutes,
  ...couponRoutes,
  ...promotionCodeRoutes,
  ...taxRateRoutes,
  ...checkoutSessionRoutes,
  ...subscriptionRoutes,
  ...subscriptionScheduleRoutes,
  ...invoiceRoutes,
  ...paymentRoutes,
  ...billingPortalRoutes,
  ...balanceTransactionRoutes,
  ...payoutRoutes,
  ...eventRoutes,
];
