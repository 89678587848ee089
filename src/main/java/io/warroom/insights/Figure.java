package io.warroom.insights;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;

/**
 * A duration figure: how many incidents it rests on, and their median and 90th percentile in
 * seconds (nearest rank; {@code null} when no incident had the duration).
 */
public record Figure(int incidents, @Nullable Long medianSeconds, @Nullable Long p90Seconds) {

  static Figure of(List<Long> seconds) {
    List<Long> sorted = new ArrayList<>(seconds);
    sorted.sort(null);
    return new Figure(
        sorted.size(),
        Percentiles.nearestRank(sorted, 50).orElse(null),
        Percentiles.nearestRank(sorted, 90).orElse(null));
  }
}
