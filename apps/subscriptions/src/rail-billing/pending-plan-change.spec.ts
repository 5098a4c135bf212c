import { planOfPeriod, withPendingChangeDue } from './pending-plan-change';

const END = new Date('2026-02-01T00:00:00.000Z');
const PENDING = {
  planId: 'plan-old',
  priceId: 'price-old',
  pendingPlanId: 'plan-new',
  pendingPriceId: 'price-new',
  pendingEffectiveAt: END,
  pendingProviderScheduleId: 'suite',
  currentPeriodStart: new Date('2026-01-01T00:00:00.000Z'),
};
const NONE = {
  ...PENDING,
  pendingPlanId: null,
  pendingPriceId: null,
  pendingEffectiveAt: null,
  pendingProviderScheduleId: null,
};

describe('planOfPeriod', () => {
  it.each([
    ['the pending plan for the period starting when it takes effect', PENDING, END, 'plan-new'],
    ['the current plan for a period before', PENDING, new Date('2026-01-15T00:00:00.000Z'), 'plan-old'],
    ['the current plan with nothing pending', NONE, END, 'plan-old'],
  ])('bills %s', (_, subscription, start, planId) => {
    expect(planOfPeriod(subscription, start).planId).toBe(planId);
  });
});

describe('withPendingChangeDue', () => {
  it('makes the change once the period it takes effect at has started', () => {
    expect(withPendingChangeDue({ ...PENDING, currentPeriodStart: END })).toEqual({
      ...NONE,
      planId: 'plan-new',
      priceId: 'price-new',
      currentPeriodStart: END,
    });
  });

  it('keeps it pending during the period before', () => {
    expect(withPendingChangeDue(PENDING)).toBe(PENDING);
  });
});
