package io.complaintflow.process.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Intake configuration ({@code complaintflow.intake.*}).
 *
 * @param ticketPrefix prefix of ticket numbers, e.g. {@code CF} gives {@code CF-20261123-000042}
 * @param trackingSecret server secret from which customers' tracking tokens are derived; at least 32 characters.
 *     Changing it invalidates every token handed out before.
 */
@ConfigurationProperties("complaintflow.intake")
public record IntakeSettings(@DefaultValue("CF") String ticketPrefix, String trackingSecret) {

  public IntakeSettings {
    if (trackingSecret == null || trackingSecret.length() < 32) {
      throw new IllegalArgumentException("complaintflow.intake.tracking-secret must be set to at least 32 characters "
          + "(customers' tracking tokens are derived from it)");
    }
    if (!ticketPrefix.matches("[A-Z]{1,6}")) {
      throw new IllegalArgumentException("complaintflow.intake.ticket-prefix must be 1 to 6 capital letters");
    }
  }
}
