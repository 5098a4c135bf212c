import { CidrRange, EntitlementGrant, ExperimentView, OfferLanguage, OfferView, PolicyView } from '@libs/contracts';
import type { ArticleAccess, PaywallPolicy } from '../decisions/decision-types';
import type { LocalCalendar } from '../decisions/local-calendar';
import { toPaywallPolicy } from '../policies/to-paywall-policy';
import type { LiveExperiment } from './live-experiment';

interface Grant {
  key: string;
  until: number;
  source: EntitlementGrant['source'];
}

interface AddressGrant {
  version: number;
  ranges: CidrRange[];
  entitlements: readonly string[];
  validUntil: number;
}

interface ArticleEntry {
  access: ArticleAccess;
  siteId: string | null;
  version: number;
}

/** One agency, as a paywall instance holds it. */
export class TenantMemory {
  locale: OfferLanguage = 'vi';
  offerRevision = 0;
  offers: OfferView[] = [];
  readonly experiments = new Map<string, LiveExperiment>();
  /** Running experiments, oldest first: the first that applies to a decision is the one it is in. */
  meterExperiments: LiveExperiment[] = [];
  offerExperiments: LiveExperiment[] = [];
  policyRevision = 0;
  private policies: (PaywallPolicy & { siteId: string | null; active: boolean })[] = [];
  private readonly policiesBySite = new Map<string, PaywallPolicy[]>();
  readonly articles = new Map<string, ArticleEntry>();
  readonly readers = new Map<string, { version: number; grants: Grant[] }>();
  readonly addressGrants = new Map<string, AddressGrant>();

  constructor(public calendar: LocalCalendar) {}

  setPolicies(revision: number, views: PolicyView[]): void {
    if (revision <= this.policyRevision) return;
    this.policyRevision = revision;
    this.policies = views.map((view) => ({ ...toPaywallPolicy(view), siteId: view.siteId, active: view.active }));
    this.policiesBySite.clear();
    for (const experiment of this.experiments.values()) experiment.policiesBySite.clear();
  }

  setOffers(revision: number, offers: OfferView[]): void {
    if (revision <= this.offerRevision) return;
    this.offerRevision = revision;
    this.offers = offers;
  }

  setExperiment(view: ExperimentView): void {
    const held = this.experiments.get(view.id);
    if (held && held.view.version >= view.version) return;
    const counts = held?.counts ?? view.arms.map(() => ({ impressions: 0, conversions: 0, revenue: 0 }));
    // Thompson experiments start even and follow the evidence (`ExperimentCounters` reweighs them).
    const weights =
      view.allocation === 'split' ? view.arms.map((arm) => arm.weight) : (held?.weights ?? view.arms.map(() => 1));
    this.experiments.set(view.id, {
      view,
      weights,
      weighedInPeriod: held?.weighedInPeriod,
      counts,
      policiesBySite: new Map(),
    });
    const running = [...this.experiments.values()]
      .filter((e) => e.view.status === 'running')
      .sort((a, b) => a.view.createdAt.localeCompare(b.view.createdAt));
    this.meterExperiments = running.filter((e) => e.view.target === 'meter-limit');
    this.offerExperiments = running.filter((e) => e.view.target === 'offer');
  }

  /** The site's policies with the arm's limit on the experiment's policy; null when the site does not use that policy. */
  policiesInArm(siteId: string, experiment: LiveExperiment, arm: number): PaywallPolicy[] | null {
    let byArm = experiment.policiesBySite.get(siteId);
    if (!byArm) {
      const policies = this.policiesFor(siteId);
      const at = policies.findIndex(
        (policy) => policy.id === experiment.view.policyId && policy.rule.kind === 'metered',
      );
      byArm =
        at < 0
          ? []
          : experiment.view.arms.map((armView) =>
              policies.map((policy, index) =>
                index === at && policy.rule.kind === 'metered'
                  ? { ...policy, rule: { ...policy.rule, limit: armView.limit ?? policy.rule.limit } }
                  : policy,
              ),
            );
      experiment.policiesBySite.set(siteId, byArm);
    }
    return byArm[arm] ?? null;
  }

  /** The site's active policies in order (agency-wide ones included), computed once per revision. */
  policiesFor(siteId: string): PaywallPolicy[] {
    let found = this.policiesBySite.get(siteId);
    if (!found) {
      found = this.policies.filter((policy) => policy.active && (policy.siteId === null || policy.siteId === siteId));
      this.policiesBySite.set(siteId, found);
    }
    return found;
  }
}
