package io.complaintflow.process.launch;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Launch review configuration ({@code complaintflow.launch.*}).
 *
 * @param responseWithin working time the product department has to answer improvement requests
 * @param reminderShare share of that time after which it is reminded
 * @param examples how many recent complaints on similar products the review lists
 */
@ConfigurationProperties("complaintflow.launch")
public record LaunchSettings(@DefaultValue("PT24H") Duration responseWithin, @DefaultValue("0.75") double reminderShare,
    @DefaultValue("5") int examples) {

  public LaunchSettings {
    if (!(reminderShare > 0 && reminderShare < 1)) {
      throw new IllegalArgumentException("complaintflow.launch.reminder-share must lie between 0 and 1");
    }
    if (examples < 0) {
      throw new IllegalArgumentException("complaintflow.launch.examples must not be negative");
    }
  }
}
