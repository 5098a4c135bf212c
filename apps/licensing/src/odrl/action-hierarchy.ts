import { ACTION_PARENT } from './odrl-vocabulary';

/**
 * The actions `action` is included in, itself first, up to `use` or `transfer`
 * (`odrl:includedIn` is transitive). Empty for an action the vocabulary does not have.
 */
export function actionLineage(action: string): string[] {
  const lineage: string[] = [];
  let current: string | null | undefined = action;
  while (current && ACTION_PARENT.has(current) && !lineage.includes(current)) {
    lineage.push(current);
    current = ACTION_PARENT.get(current);
  }
  return lineage;
}

/**
 * Whether a rule on `ruleAction` concerns `action`: the same action or one it includes. ODRL: a
 * permission or prohibition of an encompassing action is inherited by every action included in it
 * (a permission to `use` covers `display`; a prohibition of `use` covers `rev:aiTrain`).
 */
export function covers(ruleAction: string, action: string): boolean {
  return actionLineage(action).includes(ruleAction);
}

/** Two actions conflict when one includes the other (a permission of one, a prohibition of the other). */
export function related(a: string, b: string): boolean {
  return covers(a, b) || covers(b, a);
}
