package io.complaintflow.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Percentiles of a set of samples (nearest rank), in the samples' unit. */
record Stats(int count, double p50, double p95, double max, double mean) {

  static Stats of(List<Double> samples) {
    if (samples.isEmpty()) {
      return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    List<Double> sorted = new ArrayList<>(samples);
    Collections.sort(sorted);
    double sum = 0;
    for (double s : sorted) {
      sum += s;
    }
    return new Stats(sorted.size(), percentile(sorted, 50), percentile(sorted, 95), sorted.get(sorted.size() - 1),
        sum / sorted.size());
  }

  /** Nearest-rank percentile of sorted samples: the smallest value with at least p % of the samples at or below it. */
  static double percentile(List<Double> sorted, double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }
}
