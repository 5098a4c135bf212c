import { RailAccountRecord } from '../accounts/rail-account-record.entity';
import { RailNotification } from '../notifications/rail-notification.entity';
import { PaymentAttempt } from '../payments/payment-attempt.entity';
import { PaymentRefund } from '../payments/payment-refund.entity';
import { Payment } from '../payments/payment.entity';
import { SavedTokenRecord } from '../saved-tokens/saved-token-record.entity';
import { StripeAccount } from '../stripe/stripe-account.entity';
import { StripeNotification } from '../stripe/stripe-notification.entity';
import { PaymentsTenant } from '../tenants/payments-tenant.entity';
import { migrations } from './migrations';

/** The tables payments owns, and the migrations that make them (explicit, no globs). */
export const paymentsSchema = {
  name: 'payments' as const,
  entities: [
    PaymentsTenant,
    RailAccountRecord,
    Payment,
    PaymentAttempt,
    PaymentRefund,
    RailNotification,
    SavedTokenRecord,
    StripeAccount,
    StripeNotification,
  ],
  migrations,
};
