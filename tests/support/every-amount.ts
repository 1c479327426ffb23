/** The amounts every path is asked about: both sides of every limit a decision's answer knows. */
import { amountBasis, type DecisionAnswer } from '../../src/lib/decision/verdict.ts';

/** 0, 1, each limit (in the amount basis's currency) less a penny, at and plus a penny, and far above them all. */
export function amountsFor(answer: DecisionAnswer): number[] {
  const { currency } = amountBasis(answer);
  const limits = [answer.own, ...answer.holders].flatMap((terms) => (terms?.limit && terms.limit.currency === currency ? [terms.limit.amount] : []));
  return [...new Set([0, 1, ...limits.flatMap((limit) => [limit - 0.01, limit, limit + 0.01]), Math.max(0, ...limits) * 10 + 1000])].filter(
    (amount) => amount >= 0,
  );
}
