package io.complaintflow.process.intake;

import java.util.Map;

import org.springframework.stereotype.Component;

import io.complaintflow.process.complaint.Channel;
import io.complaintflow.process.complaint.CustomerTier;
import io.complaintflow.process.rules.Decisions;

/**
 * Who registers a new complaint and how urgent its tasks are, from {@code dmn/intake-routing.dmn}: VIP customers go
 * to the green channel (绿色通道) desk.
 */
@Component
public class IntakeRouting {

  public static final String DECISION = "IntakeRouting";

  private final Decisions decisions;

  public IntakeRouting(Decisions decisions) {
    this.decisions = decisions;
  }

  public record Route(String registrationGroup, int taskPriority) {
  }

  public Route route(CustomerTier tier, Channel channel) {
    Map<String, Object> row = decisions.firstMatch(DECISION, Map.of("customerTier", tier.name(), "channel", channel.name()));
    return new Route((String) row.get("registrationGroup"), ((Number) row.get("taskPriority")).intValue());
  }
}
