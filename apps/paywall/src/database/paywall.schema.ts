import { Article } from '../articles/article.entity';
import { PolicyRevision } from '../policies/policy-revision.entity';
import { AddressGrants } from '../reader-access/address-grants.entity';
import { ReaderGrants } from '../reader-access/reader-grants.entity';
import { ReaderRead } from '../reader-meters/reader-read.entity';
import { PaywallSite } from '../sites/paywall-site.entity';
import { PaywallTenant } from '../tenants/paywall-tenant.entity';
import { Conversion } from '../conversions/conversion.entity';
import { SubscriptionPayment } from '../conversions/subscription-payment.entity';
import { ExperimentArmCounts } from '../experiments/experiment-arm-counts.entity';
import { Experiment } from '../experiments/experiment.entity';
import { OfferRevision } from '../offers/offer-revision.entity';
import { migrations } from './migrations';

/** The tables the paywall owns, and the migrations that make them (explicit, no globs). */
export const paywallSchema = {
  name: 'paywall' as const,
  entities: [
    PaywallTenant,
    PolicyRevision,
    PaywallSite,
    ReaderGrants,
    AddressGrants,
    ReaderRead,
    Article,
    OfferRevision,
    Experiment,
    ExperimentArmCounts,
    Conversion,
    SubscriptionPayment,
  ],
  migrations,
};
