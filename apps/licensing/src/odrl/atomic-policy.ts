import type { ConflictTerm, LogicalOperand, PolicyType } from './odrl-vocabulary';

/**
 * A policy as the evaluator reads it: every term expanded to its IRI, shared policy-level
 * properties copied into each rule, and each rule atomic (one action, one target, one party per
 * function), as the Information Model's "Policy Rule Composition" and "Compact Policy" sections
 * ask a processor to do. `path` names where each part stood in the document.
 */
export interface AtomicPolicy {
  uid: string;
  type: PolicyType;
  profiles: string[];
  /** As declared; none means `invalid` (the Information Model's default); several after a merge. */
  conflict: ConflictTerm[];
  permissions: AtomicRule[];
  prohibitions: AtomicRule[];
  obligations: AtomicDuty[];
}

/** One value of a right operand: an IRI, or a literal with its datatype (an IRI) when typed. */
export type OperandValue = { iri: string } | { literal: string | number | boolean; datatype?: string };

export interface AtomicConstraint {
  kind: 'constraint';
  path: string;
  uid?: string;
  leftOperand: string;
  operator: string;
  /** One value for relational operators, the list for `isAnyOf`, `isAllOf`, `isNoneOf`. */
  rightOperand: OperandValue[];
  unit?: string;
  dataType?: string;
  /** ODRL's `status`: a value the left operand already has (a count of past uses). */
  status?: string | number;
}

export interface AtomicLogicalConstraint {
  kind: 'logical';
  path: string;
  uid?: string;
  operand: LogicalOperand;
  constraints: ConstraintNode[];
}

export type ConstraintNode = AtomicConstraint | AtomicLogicalConstraint;

/** An asset or a party: one resource (`uid`) or a collection (`uid`, or `source` with a refinement). */
export interface AtomicEntity {
  uid?: string;
  source?: string;
  collection: boolean;
  refinement: ConstraintNode[];
}

export interface AtomicRuleBase {
  path: string;
  uid?: string;
  action: string;
  /** Constraints that narrow the action itself (`refinement` on the action). */
  actionRefinement: ConstraintNode[];
  target: AtomicEntity | null;
  /** Every party by its function IRI (`odrl:assigner`, `odrl:attributedParty`, …). */
  parties: Map<string, AtomicEntity>;
  constraints: ConstraintNode[];
}

export interface AtomicDuty extends AtomicRuleBase {
  consequences: AtomicDuty[];
}

export interface AtomicRule extends AtomicRuleBase {
  /** A permission's duties (pre-conditions), or a prohibition's remedies. */
  duties: AtomicDuty[];
}
