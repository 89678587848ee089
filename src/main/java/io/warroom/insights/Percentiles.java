package io.warroom.insights;

import java.util.List;
import java.util.Optional;

/**
 * Nearest-rank percentiles: the p-th percentile of n sorted values is the value at rank ceil(p/100
 * × n) (1-based), so it is always one of the measured values. The median is the 50th percentile,
 * which for an even count is the lower of the two middle values.
 */
final class Percentiles {

  private Percentiles() {}

  /** The p-th percentile (0 &lt; p ≤ 100) of values sorted ascending; empty when there are none. */
  static Optional<Long> nearestRank(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return Optional.empty();
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return Optional.of(sorted.get(Math.max(1, rank) - 1));
  }
}
