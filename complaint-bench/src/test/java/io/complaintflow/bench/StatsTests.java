package io.complaintflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class StatsTests {

  @Test
  void nearestRankPercentilesOfAHundredSamples() {
    List<Double> samples = new ArrayList<>();
    for (int i = 100; i >= 1; i--) {
      samples.add((double) i);
    }
    Collections.shuffle(samples);

    Stats stats = Stats.of(samples);

    assertThat(stats.count()).isEqualTo(100);
    assertThat(stats.p50()).isEqualTo(50.0);
    assertThat(stats.p95()).isEqualTo(95.0);
    assertThat(stats.max()).isEqualTo(100.0);
    assertThat(stats.mean()).isEqualTo(50.5);
  }

  @Test
  void p95OfFewSamplesIsTheLargest() {
    assertThat(Stats.of(List.of(3.0, 1.0, 2.0)).p95()).isEqualTo(3.0);
  }

  @Test
  void noSamplesGiveNoFigures() {
    Stats stats = Stats.of(List.of());
    assertThat(stats.count()).isZero();
    assertThat(stats.p95()).isNaN();
  }
}
