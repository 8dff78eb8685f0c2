/**
 * `variance`, `varianceif`, `variancep`, `stdev`, `stdevif`, `stdevp` (docs: variance-aggfunction,
 * stdev-aggfunction, variancep-aggfunction, stdevp-aggfunction). Sample forms divide by n - 1,
 * population forms by n. Nulls (and rows failing the `*if` predicate) are ignored. With no value
 * the sample forms give 0 and the population forms null (docs: summarize-operator, "Aggregates
 * default values"); one value gives a sample variance of 0.
 * Per group a running count, mean and sum of squared deviations (Welford), merged with Chan's
 * formula, so large values do not lose precision the way a sum of squares would.
 */
import { NumericWriter, POLL_MASK, pollCancel } from '../functions/vector';
import type { Aggregate } from './protocol';
import { numberAt, passesPredicate } from './argReaders';

/** Per-group count, mean and sum of squared deviations from the mean. */
export interface SpreadState {
  readonly counts: Float64Array;
  readonly means: Float64Array;
  readonly m2: Float64Array;
}

function spread(population: boolean, squareRoot: boolean): Aggregate<SpreadState> {
  return {
    init: (groupCount) => ({ counts: new Float64Array(groupCount), means: new Float64Array(groupCount), m2: new Float64Array(groupCount) }),
    add(state, groupIds, rowCount, args, cancel) {
      const [value, predicate] = args;
      const { counts, means, m2 } = state;
      for (let i = 0; i < rowCount; i++) {
        if ((i & POLL_MASK) === 0) pollCancel(cancel);
        if (!passesPredicate(predicate, i)) continue;
        const v = numberAt(value, i);
        if (v === null) continue;
        const g = groupIds[i];
        const n = ++counts[g];
        const delta = v - means[g];
        means[g] += delta / n;
        m2[g] += delta * (v - means[g]);
      }
    },
    merge(into, from) {
      for (let g = 0; g < into.counts.length; g++) {
        const nb = from.counts[g];
        if (nb === 0) continue;
        const na = into.counts[g];
        const n = na + nb;
        const delta = from.means[g] - into.means[g];
        into.m2[g] += from.m2[g] + (delta * delta * na * nb) / n;
        into.means[g] += (delta * nb) / n;
        into.counts[g] = n;
      }
    },
    result(state, groupCount) {
      // The binder types every form as real.
      const out = new NumericWriter('real', groupCount);
      for (let g = 0; g < groupCount; g++) {
        const n = state.counts[g];
        let variance: number | null;
        if (population) variance = n === 0 ? null : state.m2[g] / n;
        else variance = n <= 1 ? 0 : state.m2[g] / (n - 1);
        // Rounding can leave a tiny negative sum of squares for equal values.
        if (variance !== null && variance < 0) variance = 0;
        out.set(g, variance === null ? null : squareRoot ? Math.sqrt(variance) : variance);
      }
      return out.finish();
    },
  };
}

/** `variance(x)` / `varianceif(x, p)`: sample variance. */
export const varianceAggregate = spread(false, false);
/** `variancep(x)`: population variance. */
export const variancePopulationAggregate = spread(true, false);
/** `stdev(x)` / `stdevif(x, p)`: sample standard deviation. */
export const stdevAggregate = spread(false, true);
/** `stdevp(x)`: population standard deviation. */
export const stdevPopulationAggregate = spread(true, true);
