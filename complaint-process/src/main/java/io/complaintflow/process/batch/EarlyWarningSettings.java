package io.complaintflow.process.batch;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Early warning of batch complaints ({@code complaintflow.early-warning.*}, seed 002 J.2 预警通报机制).
 *
 * @param threshold how many complaints about the same product and category, received within {@code window}, start a
 *     batch incident (the complaint that reaches it included)
 * @param window how far back (elapsed time) complaints are counted
 */
@ConfigurationProperties("complaintflow.early-warning")
public record EarlyWarningSettings(@DefaultValue("5") int threshold, @DefaultValue("PT24H") Duration window) {

  public EarlyWarningSettings {
    if (threshold < 2) {
      throw new IllegalArgumentException("complaintflow.early-warning.threshold must be 2 or more");
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("complaintflow.early-warning.window must be positive");
    }
  }
}
