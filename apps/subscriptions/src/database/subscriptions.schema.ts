import { BillingSettings } from '../billing-settings/billing-settings.entity';
import { Plan } from '../catalog/plan.entity';
import { Price } from '../catalog/price.entity';
import { Product } from '../catalog/product.entity';
import { Checkout } from '../checkouts/checkout.entity';
import { Customer } from '../customers/customer.entity';
import { DunningCase } from '../dunning/dunning-case.entity';
import { ReaderEntitlements } from '../entitlements/reader-entitlements.entity';
import { GiftPurchase } from '../gifts/gift-purchase.entity';
import { Gift } from '../gifts/gift.entity';
import { GroupInvitation } from '../group-licences/group-invitation.entity';
import { GroupLicence } from '../group-licences/group-licence.entity';
import { GroupMembership } from '../group-licences/group-membership.entity';
import { Invoice } from '../invoices/invoice.entity';
import { ProviderNotification } from '../provider-notifications/provider-notification.entity';
import { ProviderSyncJob } from '../provider-sync/provider-sync-job.entity';
import { ReaderSubscription } from '../reader-subscriptions/reader-subscription.entity';
import { SubscriptionChangeLease } from '../reader-subscriptions/subscription-change-lease.entity';
import { Dispute } from '../refunds-and-disputes/dispute.entity';
import { Refund } from '../refunds-and-disputes/refund.entity';
import { StripeAccount } from '../stripe-accounts/stripe-account.entity';
import { StripeBillingAgency } from '../stripe-accounts/stripe-billing-agency.entity';
import { TaxRate } from '../tax-rates/tax-rate.entity';
import { SubscriptionsTenant } from '../tenants/subscriptions-tenant.entity';
import { migrations } from './migrations';

/** The tables subscriptions owns, and the migrations that make them (explicit, no globs). */
export const subscriptionsSchema = {
  name: 'subscriptions' as const,
  entities: [
    SubscriptionsTenant,
    BillingSettings,
    StripeAccount,
    StripeBillingAgency,
    Product,
    Plan,
    Price,
    Customer,
    Checkout,
    ReaderSubscription,
    SubscriptionChangeLease,
    Invoice,
    ReaderEntitlements,
    ProviderNotification,
    Refund,
    Dispute,
    Gift,
    GiftPurchase,
    GroupLicence,
    GroupMembership,
    GroupInvitation,
    TaxRate,
    DunningCase,
    ProviderSyncJob,
  ],
  migrations,
};
