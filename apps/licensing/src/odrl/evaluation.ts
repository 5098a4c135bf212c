/** A party asking: its IRI and the collections (groups) it belongs to. */
export interface RequestingParty {
  uid: string;
  partOf?: readonly string[];
}

/** What the evaluator knows of the article (or any asset) asked for. */
export interface TargetFacts {
  uid: string;
  /** The collections it belongs to (the agency's catalog, its sections), as IRIs. */
  partOf: readonly string[];
  /** The agency's section names it is filed under. */
  sections: readonly string[];
  publishedAt: Date | null;
  /** Not to be used by anyone before this instant (the agency's embargo on the article). */
  embargoUntil: Date | null;
  /** ISO 3166-1 alpha-2 countries where the article may never be licensed. */
  excludedTerritories: readonly string[];
  /** False when the agency does not license the article at all (a wire story, a partner's piece). */
  licensable: boolean;
}

export interface EvaluationContext {
  /** ISO 3166-1 alpha-2 country where the action is exercised, if known. */
  country: string | null;
  /** Where the content goes: `web`, `app`, `feed`, `ai-assistant`, … as the offers name channels. */
  channel: string | null;
  now: Date;
  /** Uses so far, per quota (a count constraint's uid, else its path in the policy). */
  countSoFar: Readonly<Record<string, number>>;
  purpose?: string | null;
  /** Other facts about this use, by left operand (its IRI or its term: `{ resolution: 600 }`). */
  facts?: Readonly<Record<string, string | number>>;
}

export interface EvaluationRequest {
  /** The licensee (or other party) asking; null when no one is named (reading an offer). */
  assignee: RequestingParty | null;
  /** An action's term (`display`, `aiTrain`), compact IRI (`rev:aiTrain`) or IRI. */
  action: string;
  target: TargetFacts;
  context: EvaluationContext;
}

export type DenyReason =
  | 'unknown-action'
  | 'offer-not-agreed'
  | 'not-licensable'
  | 'embargoed'
  | 'territory-excluded'
  | 'no-permission'
  | 'article-not-covered'
  | 'not-assignee'
  | 'constraint-not-satisfied'
  | 'constraint-undecidable'
  | 'prohibited'
  | 'policy-void';
export type PermitReason = 'permitted' | 'permitted-over-prohibition';

export interface Payment {
  /** Minor units of `currency` (a digit string), or null when the duty names no amount. */
  amount: string | null;
  currency: string | null;
  /** once; per unit counted (`unit`); per period (`period`); a share of revenue (`revenueShareBasisPoints`). */
  basis: 'once' | 'per-unit' | 'per-period' | 'revenue-share';
  unit: string | null;
  /** An xsd:duration (`P1M`): the period a flat fee or a minimum guarantee is owed for. */
  period: string | null;
  revenueShareBasisPoints: number | null;
  /** The amount is a floor (a minimum guarantee), not a price. */
  minimum: boolean;
}

export interface IncurredDuty {
  /** Where the duty stands in the policy (`permission[0].duty[1]`). */
  rule: string;
  action: string;
  payment: Payment | null;
  /** The parties the duty names (`attributedParty`, `compensatedParty`, …) by function. */
  parties: { function: string; uid: string }[];
  /** The duty must be fulfilled before the action is exercised (`event lt policyUsage`). */
  dueBeforeUse: boolean;
  /** What is owed on top if the duty is not fulfilled. */
  consequences: IncurredDuty[];
}

export interface QuotaUse {
  key: string;
  limit: number;
  used: number;
  /** The period the count runs over (the rule's `timeInterval`), or null for the whole term. */
  period: string | null;
}

export interface Evaluation {
  decision: 'permit' | 'deny';
  reason: {
    code: PermitReason | DenyReason;
    /** The rule that decided (`permission[2]`), if one did. */
    rule: string | null;
    /** The constraint that failed or could not be decided, if one did. */
    constraint: string | null;
    detail: string;
  };
  /** The granting permission's duties (on a permit). */
  duties: IncurredDuty[];
  /** The prohibition's remedies (on a deny by a prohibition). */
  remedies: IncurredDuty[];
  /** The policy's obligations in force for the assignee, whatever the decision. */
  obligations: IncurredDuty[];
  /** The count constraints of the granting permission, with the uses so far. */
  quotas: QuotaUse[];
}
