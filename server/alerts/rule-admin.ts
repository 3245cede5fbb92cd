/**
 * Creating, changing and deleting alert rules: each checked by `validateRule` (and against the currencies the
 * filter follows) before it is stored, then installed in the running filter; a deleted rule stops at once.
 */
import { validateRule, type AlertRule } from '../../cells/filter';
import type { AlertStore, StoredRule } from './store';

/** A rule refused, with the reason (the route answers 400). */
export class RuleError extends Error {}

/**
 * @example
 * const rules = ruleAdmin({ store, currencies: ['BTC'], now: Date.now, install, uninstall });
 * await rules.create({ name: 'dvol high', currency: 'BTC', metric: 'dvol', op: '>', threshold: 80 });
 */
export function ruleAdmin(o: {
  store: AlertStore;
  currencies: readonly string[];
  now: () => number;
  install: (rule: StoredRule) => void;
  uninstall: (id: string) => void;
}) {
  const checked = (input: unknown): AlertRule => {
    const check = validateRule(input);
    if (!check.ok) throw new RuleError(check.error);
    if (!o.currencies.includes(check.rule.currency))
      throw new RuleError(
        `currency: ${check.rule.currency} is not followed (expected ${o.currencies.join(', ')})`,
      );
    return check.rule;
  };
  return {
    list: () => o.store.listRules(),
    get: (id: string) => o.store.getRule(id),
    async create(input: unknown): Promise<StoredRule> {
      const stored = await o.store.createRule(checked(input), o.now());
      o.install(stored);
      return stored;
    },
    async update(id: string, input: unknown): Promise<StoredRule | null> {
      const stored = await o.store.updateRule(id, checked(input), o.now());
      if (stored) o.install(stored);
      return stored;
    },
    async remove(id: string): Promise<boolean> {
      o.uninstall(id);
      return o.store.deleteRule(id);
    },
  };
}
